package io.switchover.replay;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded PostgreSQL server the tests share ({@link EmbeddedPostgresEngine#shared()}), taken before a test class
 * and given back after it: {@code @RegisterExtension static final SharedEmbeddedPostgres POSTGRES = ...}.
 */
public final class SharedEmbeddedPostgres implements BeforeAllCallback, AfterAllCallback {
    private EmbeddedPostgresEngine engine;

    @Override
    public void beforeAll(ExtensionContext context) {
        engine = EmbeddedPostgresEngine.shared();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        engine.close();
    }

    /** The engine, for the tests of the class that registered this. */
    public EmbeddedPostgresEngine engine() {
        return engine;
    }
}
