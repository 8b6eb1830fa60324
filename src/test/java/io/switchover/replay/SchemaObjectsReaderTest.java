package io.switchover.replay;

import io.switchover.timeline.SchemaObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On embedded PostgreSQL: the schema's own routines, types and sequences, without what extensions bring. */
class SchemaObjectsReaderTest {
    @RegisterExtension
    static final SharedEmbeddedPostgres POSTGRES = new SharedEmbeddedPostgres();

    @Test
    void anExtensionsFunctionsAndTypesAreNotTheSchemasOwn() throws SQLException {
        try (ReplayDatabase db = POSTGRES.engine().create(); Connection connection = db.connect();
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
