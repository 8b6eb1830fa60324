package io.switchover.rules;

import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NewConstraintMayRejectOldWritesTest {
    private static final String SCHEMA = "CREATE TABLE org (id BIGINT PRIMARY KEY);\n"
            + "CREATE TABLE person (id BIGINT PRIMARY KEY, email VARCHAR(200), age INTEGER, org_id BIGINT);";
    private static final String INSERT = "INSERT INTO person (id, email, age, org_id) VALUES (?, ?, ?, ?)";

    @Test
    void flagsAUniqueConstraintOnAColumnTheOldInsertWrites() {
        Report report = RuleScenario.production(SCHEMA, INSERT)
                .migrate("unique_email", "ALTER TABLE person ADD CONSTRAINT person_email_uq UNIQUE (email);")
                .check();

        List<Finding> findings = report.findings().stream()
                .filter(f -> f.rule().equals("new-constraint-may-reject-old-writes")).toList();
        assertEquals(1, findings.size(), report.findings().toString());
        Finding finding = findings.get(0);
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals("V2__unique_email.sql adds UNIQUE (email) on person, and prod still writes person.email: a write"
                + " the constraint rejects fails", finding.message());
        assertEquals("add it once a version that never writes duplicates runs in production, or make sure the"
                + " running version already does", finding.help());
        assertEquals(1, finding.line());
        assertEquals(1, finding.step());
        assertEquals("src/main/java/com/example/Repository.java:4", finding.pattern().origin().toString());
        assertNull(finding.error());
        assertEquals(Verdict.WARN, report.verdict());
    }

    @Test
    void flagsACheckAForeignKeyAndAUniqueIndexOnColumnsTheOldUpdateSets() {
        List<Finding> findings = RuleScenario.production(SCHEMA, "UPDATE person SET age = ?, org_id = ?, email = ?"
                        + " WHERE id = ?")
                .migrate("constraints", "ALTER TABLE person ADD CHECK (age >= 0);\n"
                        + "ALTER TABLE person ADD CONSTRAINT person_org_fk FOREIGN KEY (org_id) REFERENCES org (id);\n"
                        + "CREATE UNIQUE INDEX person_email ON person (email);")
                .findings("new-constraint-may-reject-old-writes");

        assertEquals(List.of("V2__constraints.sql adds CHECK (age >= 0) on person, and prod still writes person.age:"
                        + " a write the constraint rejects fails",
                "V2__constraints.sql adds FOREIGN KEY (org_id) REFERENCES org (id) on person, and prod still writes"
                        + " person.org_id: a write the constraint rejects fails",
                "V2__constraints.sql adds UNIQUE INDEX person_email (email) on person, and prod still writes"
                        + " person.email: a write the constraint rejects fails"),
                findings.stream().map(Finding::message).toList());
        assertEquals(List.of(1, 2, 3), findings.stream().map(Finding::line).toList());
    }

    @Test
    void ignoresAConstraintOnColumnsTheOldCodeDoesNotWrite() {
        List<Finding> findings = RuleScenario.production(SCHEMA, "UPDATE person SET age = ? WHERE id = ?",
                        "SELECT email FROM person WHERE id = ?")
                .migrate("unique_email", "ALTER TABLE person ADD CONSTRAINT person_email_uq UNIQUE (email);")
                .findings("new-constraint-may-reject-old-writes");

        assertEquals(List.of(), findings);
    }

    @Test
    void ignoresConstraintsOnATableTheBatchCreates() {
        List<Finding> findings = RuleScenario.production(SCHEMA, INSERT)
                .migrate("create_team", "CREATE TABLE team (id BIGINT, email VARCHAR(200));\n"
                        + "ALTER TABLE team ADD CONSTRAINT team_email_uq UNIQUE (email);")
                .findings("new-constraint-may-reject-old-writes");

        assertEquals(List.of(), findings);
    }
}
