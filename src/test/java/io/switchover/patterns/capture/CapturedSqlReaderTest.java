package io.switchover.patterns.capture;

import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.UnresolvedSql;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapturedSqlReaderTest {
    private final CapturedSqlReader reader = new CapturedSqlReader(new SqlStatementClassifier());

    static String fixture(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(CapturedSqlReaderTest.class.getResourceAsStream("/capture/" + name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> describe(ExtractionResult result) {
        return result.patterns().stream()
                .map(p -> p.origin() + " " + p.extractor() + " " + p.sql()).toList();
    }

    @Test
    void readsTheQueryColumnOfAPgStatStatementsCsvExport() throws IOException {
        String name = "captured-sql/varsel.pg_stat_statements.csv";
        ExtractionResult result = reader.read(name, fixture("varsel.pg_stat_statements.csv"));
        assertEquals(List.of(
                name + ":2 pg-stat-statements SELECT v.id, v.kode FROM selve_varsel v WHERE v.oppgave_id = ?",
                name + ":4 pg-stat-statements UPDATE selve_varsel\n   SET status = ?\n WHERE id = ?",
                name + ":8 pg-stat-statements INSERT INTO selve_varsel (id, kode, status) VALUES (?, ?, 'AKTIV')",
                name + ":10 pg-stat-statements SELECT 'a,\"b\"' AS tekst, id FROM oppgave WHERE id = ?"),
                describe(result));
        assertEquals(List.of(name + ":13 SELECT id FROM oppgave WHERE id = ANY(?) FOR NO KEY UPDATE SKIP LOCKED"
                        + " WITH TIES"),
                result.notChecked().stream().map(u -> u.origin() + " " + u.fragment()).toList());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void readsTheQueryMemberOfAPgStatStatementsJsonExport() throws IOException {
        String name = "varsel.pg_stat_statements.json";
        ExtractionResult result = reader.read(name, fixture(name));
        assertEquals(List.of(
                name + ":2 pg-stat-statements SELECT v.id, v.kode FROM selve_varsel v WHERE v.oppgave_id = ?",
                name + ":5 pg-stat-statements WITH siste AS (SELECT oppgave_id, max(opprettet) AS opprettet FROM"
                        + " selve_varsel GROUP BY oppgave_id) SELECT o.id FROM oppgave o JOIN siste s ON"
                        + " s.oppgave_id = o.id WHERE s.opprettet > ?",
                name + ":8 pg-stat-statements DELETE FROM selve_varsel WHERE id = ?"), describe(result));
    }

    @Test
    void readsStatementsAndExecutesOfAPostgresLogWithContinuationLines() throws IOException {
        String name = "captured-sql/postgresql.log";
        ExtractionResult result = reader.read(name, fixture("postgresql.log"));
        assertEquals(List.of(
                name + ":3 pg-log SELECT id, status FROM oppgave WHERE id = 17",
                name + ":4 pg-log SELECT v.id, v.kode\n  FROM selve_varsel v\n WHERE v.oppgave_id = ?",
                name + ":8 pg-log UPDATE selve_varsel SET status = ? WHERE id = ?"), describe(result));
        assertEquals(List.of(), result.notChecked());
    }

    @Test
    void listsACaptureItCannotReadAsNotCheckedInsteadOfThrowing() {
        assertEquals(List.of(UnresolvedSql.wholeFile("x.pg_stat_statements.csv", 1, "no 'query' column in the CSV"
                + " header [sql, calls]")), reader.read("x.pg_stat_statements.csv", "sql,calls\nSELECT 1,2\n").notChecked());
        ExtractionResult broken = reader.read("x.pg_stat_statements.json", "[{\"query\": \"SELECT id FROM t\"");
        assertTrue(broken.notChecked().get(0).reason().startsWith("not valid JSON"), broken.toString());
    }

    @Test
    void aCaptureNamedOnTheCommandLineThatCannotBeReadIsBadInput() {
        io.switchover.SwitchoverException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.switchover.SwitchoverException.class, () -> reader.read(Path.of("/no/such/file.log")));

        assertEquals("captured SQL /no/such/file.log cannot be read: no such file", e.getMessage());
    }

    @Test
    void readsAnExplicitlyNamedFile() throws IOException {
        Path file = Files.createTempFile("capture", ".pg_stat_statements.json");
        try {
            Files.writeString(file, "[{\"query\": \"SELECT id FROM t WHERE id = $1\"}]");
            assertEquals(List.of(file + ":1 pg-stat-statements SELECT id FROM t WHERE id = ?"),
                    describe(reader.read(file)));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void findsCapturesByTheirNameOrFolder() {
        assertTrue(CapturedSqlReader.isCaptureFile("ops/prod.pg_stat_statements.csv"));
        assertTrue(CapturedSqlReader.isCaptureFile("varsel.pg_stat_statements.json"));
        assertTrue(CapturedSqlReader.isCaptureFile("captured-sql/postgresql-2024-01-01.log"));
        assertTrue(CapturedSqlReader.isCaptureFile("service/captured-sql/export.csv"));
        assertFalse(CapturedSqlReader.isCaptureFile("src/main/resources/data.csv"));
        assertFalse(CapturedSqlReader.isCaptureFile("captured-sql/README.md"));
    }

    @Test
    void turnsDollarParametersIntoQuestionMarksOutsideQuotes() {
        assertEquals("SELECT '$1', ? FROM t WHERE a = ?", CapturedSqlReader.positional("SELECT '$1', $2 FROM t WHERE a = $10"));
    }
}
