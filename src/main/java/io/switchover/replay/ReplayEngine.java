package io.switchover.replay;

import java.util.Optional;

/** Creates throwaway databases of one kind. */
public interface ReplayEngine {

    /** The id used on the command line, e.g. {@code h2}. */
    String id();

    ReplayDatabase create();

    /**
     * The engine to replay on instead when migrations fail on this one, because this engine may be what fails them
     * ({@code auto}: H2, then embedded PostgreSQL). Empty when a failure here is a real one.
     */
    default Optional<ReplayEngine> fallback() {
        return Optional.empty();
    }
}
