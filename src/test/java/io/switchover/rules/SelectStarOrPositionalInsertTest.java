package io.switchover.rules;

import io.switchover.report.Report;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class SelectStarOrPositionalInsertTest {
    private static final String PERSON = "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100),"
            + " fax VARCHAR(40));";

    @Test
    void flagsSelectStarOnATableWhoseColumnsTheBatchChanges() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT * FROM person WHERE id = ?")
                .migrate("add_nickname", "ALTER TABLE person ADD COLUMN nickname VARCHAR(50);")
                .migrate("drop_fax", "ALTER TABLE person DROP COLUMN fax;")
                .findings("select-star-or-positional-insert");

        assertEquals(2, findings.size(), findings.toString());
        assertEquals("V2__add_nickname.sql adds person.nickname, and prod reads person with SELECT *: code that reads"
                + " its result by position or expects the old columns breaks", findings.get(0).message());
        assertEquals("V3__drop_fax.sql", findings.get(1).migration().script());
        assertEquals(Severity.WARNING, findings.get(1).severity());
        assertEquals(1, findings.get(1).line());
        assertNull(findings.get(1).error());
    }

    @Test
    void flagsAPositionalInsertThatTheProbeShowsFailingAsOneError() {
        Report report = RuleScenario.production(PERSON, "INSERT INTO person VALUES (?, ?, ?)")
                .migrate("add_nickname", "ALTER TABLE person ADD COLUMN nickname VARCHAR(50);")
                .check();

        assertEquals(1, report.findings().size(), report.findings().toString());
        Finding finding = report.findings().get(0);
        assertEquals("select-star-or-positional-insert", finding.rule());
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals("V2__add_nickname.sql adds person.nickname, and prod inserts into person without a column list:"
                + " its values no longer match the columns", finding.message());
        assertEquals("name the columns in the INSERT, and promote V2__add_nickname.sql once that version runs in"
                + " production", finding.help());
        assertNotNull(finding.error());
    }

    @Test
    void ignoresStatementsThatNameTheirColumns() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT id, alice FROM person WHERE id = ?",
                        "INSERT INTO person (id, alice) VALUES (?, ?)")
                .migrate("add_nickname", "ALTER TABLE person ADD COLUMN nickname VARCHAR(50);")
                .findings("select-star-or-positional-insert");

        assertEquals(List.of(), findings);
    }

    @Test
    void ignoresSelectStarOnATableTheBatchLeavesAlone() {
        List<Finding> findings = RuleScenario.production(PERSON + "\nCREATE TABLE org (id BIGINT);",
                        "SELECT * FROM org WHERE id = ?")
                .migrate("add_nickname", "ALTER TABLE person ADD COLUMN nickname VARCHAR(50);")
                .findings("select-star-or-positional-insert");

        assertEquals(List.of(), findings);
    }

    /** veilarbportefolje: only a.* is selected; the changed table is joined, or read in a subquery, by name. */
    @Test
    void ignoresAStarOfAnotherTableThanTheChangedOne() {
        List<Finding> findings = RuleScenario.production(PERSON + "\nCREATE TABLE org (id BIGINT, person_id BIGINT);",
                        "SELECT o.*, p.alice FROM org o JOIN person p ON p.id = o.person_id WHERE o.id = ?",
                        "SELECT * FROM org WHERE person_id IN (SELECT id FROM person WHERE alice = ?)")
                .migrate("add_nickname", "ALTER TABLE person ADD COLUMN nickname VARCHAR(50);")
                .findings("select-star-or-positional-insert");

        assertEquals(List.of(), findings);
    }
}
