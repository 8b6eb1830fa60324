package io.switchover.migrations;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationEffectsTest {

    @Test
    void aDataOnlyMigrationChangesNothingAnOldStatementCanSee() {
        assertTrue(MigrationEffects.of("UPDATE person SET brian = alice WHERE brian IS NULL;\n"
                + "INSERT INTO country VALUES ('CH');\nCREATE INDEX CONCURRENTLY x ON person (brian);"
                + "\nCOMMENT ON TABLE person IS 'a;b';").none());
    }

    @Test
    void namesTheTablesAndViewsThatTableDdlChanges() {
        MigrationEffects effects = MigrationEffects.of("ALTER TABLE IF EXISTS ONLY public.\"Person\" DROP COLUMN alice;\n"
                + "CREATE TABLE IF NOT EXISTS orders (id INT);\nDROP TABLE a, b;\nCREATE OR REPLACE VIEW v AS SELECT 1;\n"
                + "CREATE TRIGGER t BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION f();");
        assertFalse(effects.all());
        assertEquals(Set.of("person", "orders", "a", "b", "v", "audit"), effects.tables());
    }

    @Test
    void functionsTypesCascadesAndUnknownStatementsMayChangeAnything() {
        assertTrue(MigrationEffects.of("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;").all());
        assertTrue(MigrationEffects.of("DROP TABLE person CASCADE;").all());
        assertTrue(MigrationEffects.of("ALTER TYPE mood ADD VALUE 'meh';").all());
        assertTrue(MigrationEffects.of("DO $$ BEGIN EXECUTE 'DROP TABLE x'; END $$;").all());
        assertTrue(MigrationEffects.of("SELECT create_partitions();").all());
    }
}
