package io.switchover.migrations;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryExportTest {

    @Test
    void readsBackWhatItWrote() {
        ProductionHistory history = new ProductionHistory("jdbc:postgresql://prod/app (flyway_schema_history)", List.of(
                new AppliedMigration(1, "1", "create person", "SQL", "V1__create_person.sql", 123, true),
                new AppliedMigration(2, null, "views", "SQL", "R__views.sql", -7, true),
                new AppliedMigration(3, "2", "add brian", "SQL", "V2__add_brian.sql", null, false)), true);

        ProductionHistory read = HistoryExport.read(HistoryExport.write(history), "export.json");

        assertEquals(history.rows(), read.rows());
        assertTrue(read.checksumsKnown());
    }

    @Test
    void readsFlywaysOwnInfoOutputWithoutChecksums() {
        String json = """
                {"schemaVersion":"2","migrations":[
                  {"category":"Versioned","version":"1","description":"create person","type":"SQL",
                   "installedOnUTC":"2026-01-01T10:00:00Z","state":"Success","filepath":"/app/db/migration/V1__create_person.sql"},
                  {"category":"Versioned","version":"2","description":"add brian","type":"SQL",
                   "installedOnUTC":"2026-01-02T10:00:00Z","state":"Failed","filepath":""},
                  {"category":"Versioned","version":"3","description":"copy","type":"SQL",
                   "installedOnUTC":"","state":"Pending","filepath":"/app/db/migration/V3__copy.sql"}]}
                """;

        ProductionHistory history = HistoryExport.read(json, "info.json");

        assertFalse(history.checksumsKnown());
        assertEquals(2, history.rows().size());
        assertEquals("V1__create_person.sql", history.rows().get(0).script());
        assertEquals("V2__add_brian.sql", history.rows().get(1).script());
        assertFalse(history.rows().get(1).success());
        assertNull(history.rows().get(0).checksum());
    }

    @Test
    void readsSpringBootsActuatorFlywayResponse() {
        String json = """
                {"contexts":{"application":{"flywayBeans":{"flyway":{"migrations":[
                  {"checksum":-156244537,"description":"init","installedRank":1,"script":"V1__init.sql",
                   "state":"SUCCESS","type":"SQL","version":"1"},
                  {"checksum":42,"description":"later","script":"V2__later.sql","state":"PENDING","type":"SQL","version":"2"}
                ]}}}}}
                """;

        ProductionHistory history = HistoryExport.read(json, "actuator.json");

        assertEquals(List.of(new AppliedMigration(1, "1", "init", "SQL", "V1__init.sql", -156244537, true)),
                history.rows());
    }

    @Test
    void rejectsMalformedJsonWithItsLine() {
        SwitchoverException error = assertThrows(SwitchoverException.class,
                () -> HistoryExport.read("{\n \"rows\": [\n", "broken.json"));

        assertEquals(ExitCode.BAD_INPUT, error.exitCode());
        assertTrue(error.getMessage().startsWith("broken.json is not valid JSON (line "), error.getMessage());
    }

    @Test
    void rejectsJsonOfAnotherShape() {
        SwitchoverException error = assertThrows(SwitchoverException.class,
                () -> HistoryExport.read("{\"hello\": 1}", "other.json"));

        assertTrue(error.getMessage().startsWith("other.json is not a Flyway history export"), error.getMessage());
    }

    @Test
    void anEmptyExportIsBadInputSayingWhatToDo() {
        for (String json : List.of("{\"migrations\":[]}", "{\"format\":\"switchover-flyway-history\",\"rows\":[]}",
                "{\"contexts\":{}}", "{\"contexts\":{\"application\":{\"flywayBeans\":{}}}}")) {
            assertEquals("h.json names no applied migration; export the history of the production database again"
                    + " (switchover snapshot-prod), or leave out --prod-history to take the production snapshot's"
                    + " migrations as applied", problemOf(json));
        }
    }

    @Test
    void anExportWhoseMigrationsAreAllPendingNamesNoAppliedMigration() {
        assertTrue(problemOf("""
                {"migrations":[{"version":"1","description":"a","installedOnUTC":"","filepath":"V1__a.sql"}]}
                """).startsWith("h.json names no applied migration"));
    }

    @Test
    void aRankThatIsNotANumberIsNamedWithItsRow() {
        assertEquals("h.json: rows[1] (V2__b.sql) has installedRank \"two\", which is not a whole number; Flyway"
                + " numbers every row it installs", problemOf(ours(row(1, "1", "V1__a.sql", "1"),
                "{\"installedRank\":\"two\",\"version\":\"2\",\"script\":\"V2__b.sql\",\"checksum\":2}")));
    }

    @Test
    void aChecksumThatIsNotANumberIsNamedWithItsRow() {
        assertEquals("h.json: rows[0] (V1__a.sql) has checksum \"abc\", which is not a 32-bit whole number as Flyway"
                + " computes them (or null)", problemOf(ours(row(1, "1", "V1__a.sql", "\"abc\""))));
        assertTrue(problemOf(ours(row(1, "1", "V1__a.sql", "99999999999"))).startsWith("h.json: rows[0] (V1__a.sql)"
                + " has checksum 99999999999"));
    }

    @Test
    void aRowWithoutScriptIsNamed() {
        assertEquals("h.json: rows[0] has no script; every row of Flyway's history names the file it ran",
                problemOf(ours("{\"installedRank\":1,\"version\":\"1\",\"checksum\":1}")));
    }

    @Test
    void aVersionFlywayCannotReadIsNamedWithItsRowInsteadOfFailingLater() {
        assertEquals("h.json: rows[0] (V1__a.sql) has version '1.x.y', which is not a Flyway version (digits separated"
                + " by dots or underscores)", problemOf(ours(row(1, "1.x.y", "V1__a.sql", "1"))));
        assertTrue(problemOf("""
                {"migrations":[{"version":"1.x","description":"a","installedOnUTC":"2026-01-01T10:00:00Z"}]}
                """).startsWith("h.json: migrations[0] has version '1.x'"));
    }

    @Test
    void aRowOfTheWrongShapeIsNamed() {
        assertEquals("h.json: rows[0] is not an object of installedRank, version, script, checksum, ...",
                problemOf(ours("[1, 2]")));
        assertEquals("h.json: rows[0] (V1__a.sql) has success \"yes\"; write true or false",
                problemOf(ours(row(1, "1", "V1__a.sql", "1").replace("}", ",\"success\":\"yes\"}"))));
    }

    @Test
    void jsonNestedTooDeepForTheReaderIsInvalidJsonNotACrash() {
        assertTrue(problemOf("[".repeat(5_000)).startsWith("h.json is not valid JSON"));
    }

    private static String ours(String... rows) {
        return "{\"format\":\"switchover-flyway-history\",\"rows\":[" + String.join(",", rows) + "]}";
    }

    private static String row(int rank, String version, String script, String checksum) {
        return "{\"installedRank\":" + rank + ",\"version\":\"" + version + "\",\"description\":\"d\",\"type\":\"SQL\","
                + "\"script\":\"" + script + "\",\"checksum\":" + checksum + "}";
    }

    private static String problemOf(String json) {
        SwitchoverException error = assertThrows(SwitchoverException.class, () -> HistoryExport.read(json, "h.json"));
        assertEquals(ExitCode.BAD_INPUT, error.exitCode());
        return error.getMessage();
    }
}
