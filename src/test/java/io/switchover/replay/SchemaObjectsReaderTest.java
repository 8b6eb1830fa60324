package io.switchover.replay;

import io.switchover.timeline.SchemaObjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On embedded PostgreSQL: the schema's own routines, types and sequences, without what extensions bring. */
class SchemaObjectsReaderTest {
    private static EmbeddedPostgresEngine postgres;

    @BeforeAll
    static void start() {
        postgres = EmbeddedPostgresEngine.shared();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void anExtensionsFunctionsAndTypesAreNotTheSchemasOwn() throws SQLException {
        try (ReplayDatabase db = postgres.create(); Connection connection = db.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION citext");
            statement.execute("CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql AS $$ SELECT upper(t) $$");
            statement.execute("CREATE DOMAIN email AS citext");

            SchemaObjects objects = new SchemaObjectsReader().read(connection);

            assertTrue(objects.routines().contains("shout"), objects.routines().toString());
            assertFalse(objects.routines().contains("citext"), objects.routines().toString());
            assertFalse(objects.routines().contains("texticlike"), objects.routines().toString());
            assertTrue(objects.types().contains("email"), objects.types().toString());
        }
    }
}
