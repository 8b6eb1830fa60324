package io.switchover.rules;

import io.switchover.report.Report;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateStatementFailsTest {
    private static final String PERSON = "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100));";

    @Test
    void flagsCandidateCodeThatNeedsAColumnTheBatchTakesAway() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT id FROM person WHERE id = ?")
                .migrate("drop_alice", "ALTER TABLE person DROP COLUMN alice;")
                .candidateCode("SELECT id FROM person WHERE id = ?", "INSERT INTO person (id, alice) VALUES (?, ?)")
                .findings("candidate-statement-fails");

        assertEquals(1, findings.size());
        assertEquals("candidate deploy-2 fails on the schema after the whole batch", findings.get(0).message());
        assertEquals(1, findings.get(0).step());
    }

    @Test
    void flagsCandidateCodeThatNeedsAColumnNoMigrationAdds() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("index_alice", "CREATE INDEX person_alice ON person (alice);")
                .candidateCode("INSERT INTO person (id, alice, brian) VALUES (?, ?, ?)")
                .findings("candidate-statement-fails");

        assertEquals(1, findings.size());
        assertEquals("candidate deploy-2 fails on the schema after the whole batch", findings.get(0).message());
    }

    @Test
    void ignoresCandidateCodeThatFailsAfterTheBatchJustAsTheRunningVersionsFromTheSamePlaceFailsBeforeIt() {
        String tenanted = "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100), tenant VARCHAR(20) NOT NULL);";
        Report report = RuleScenario.production(tenanted, "INSERT INTO person (id, alice) VALUES (?, ?)")
                .migrate("add_brian", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .candidateCode("INSERT INTO person (id, alice, brian) VALUES (?, ?, ?)")
                .check();

        assertEquals(List.of(), report.findings().stream().filter(f -> f.rule().equals("candidate-statement-fails"))
                .toList(), "an ORM fills tenant, which the extractor does not know: the batch neither causes nor cures it");
        assertTrue(report.findings().stream().anyMatch(f -> f.rule().equals("statement-not-checkable")
                && f.message().contains("fails after the batch just as prod's statement at")),
                report.findings().toString());
    }

    @Test
    void ignoresCandidateCodeThatFailsJustAsAnyRunningStatementFailsOnProductionsSchema() {
        // marquez: a Java migration the replay did not run made a view both versions read
        Report report = RuleScenario.production(PERSON, "SELECT facets FROM person_facets_view WHERE id = ?")
                .migrate("add_brian", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .candidateCode("SELECT brian, facets FROM person_facets_view WHERE id = ?")
                .check();

        assertEquals(List.of(), report.findings().stream().filter(f -> f.rule().equals("candidate-statement-fails"))
                .toList(), "production serves the running statement: the replay lacks the view, the batch does not");
        assertTrue(report.findings().stream().anyMatch(f -> f.rule().equals("statement-not-checkable")
                && f.message().contains("the replay lacks something production has")), report.findings().toString());
    }

    @Test
    void flagsCodeFirstCandidateCodeThatRunsBeforeTheMigrationItNeeds() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("add_brian", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .candidateCode("INSERT INTO person (id, alice, brian) VALUES (?, ?, ?)")
                .order(DeploymentOrder.CODE_FIRST)
                .findings("candidate-statement-fails");

        assertEquals(1, findings.size());
        assertEquals(0, findings.get(0).step());
        assertEquals("with code-first deployment candidate deploy-2 serves traffic on production's schema, before the batch,"
                + " where this fails", findings.get(0).message());
    }

    @Test
    void flagsCandidateCodeThatOmitsAColumnTheBatchMakesRequired() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("add_country", "ALTER TABLE person ADD COLUMN country VARCHAR(2) NOT NULL;")
                .candidateCode("INSERT INTO person (id, alice) VALUES (?, ?)")
                .findings("candidate-statement-fails");

        assertEquals(1, findings.size());
    }

    @Test
    void ignoresANullThatAMadeUpSubSelectProduces() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("add_country", "ALTER TABLE person ADD COLUMN country VARCHAR(2) NOT NULL;")
                .candidateCode("INSERT INTO person (id, alice, country) VALUES (?, ?, (SELECT alice FROM person WHERE id = ?))")
                .findings("candidate-statement-fails");

        assertEquals(List.of(), findings);
    }

    @Test
    void acceptsMigrateFirstCandidateCodeThatNeedsAColumnTheBatchAdds() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("add_brian", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .candidateCode("INSERT INTO person (id, alice, brian) VALUES (?, ?, ?)")
                .findings("candidate-statement-fails");

        assertEquals(List.of(), findings);
    }
}
