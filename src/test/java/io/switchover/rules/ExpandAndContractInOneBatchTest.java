package io.switchover.rules;

import io.switchover.check.CheckRequest;
import io.switchover.check.SwitchoverCheck;
import io.switchover.replay.H2Engine;
import io.switchover.report.Report;
import io.switchover.snapshot.DirectorySnapshot;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ExpandAndContractInOneBatchTest {
    private static final String RULE = "expand-and-contract-in-one-batch";
    private static final Path STORY = Path.of("sample-migrations", "alice-to-brian");
    private static final String PERSON = "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100));";
    private static final String ADD_BRIAN = "ALTER TABLE person ADD COLUMN brian VARCHAR(100);";
    private static final String COPY = "UPDATE person SET brian = alice WHERE brian IS NULL;";
    private static final String DROP_ALICE = "-- contract\nALTER TABLE person DROP COLUMN alice;";

    @Test
    void flagsTheSeedsBatchedRenameFromDeploy0ToDeploy5() {
        List<Finding> findings = sample("deploy-0", "deploy-5");

        assertEquals(4, findings.size(), findings.toString());
        Finding insert = findings.get(0);
        assertEquals("V2__add_brian.sql adds person.brian and V4__drop_alice.sql drops person.alice in one promotion:"
                + " the contract step runs while deploy-0, which still writes alice, serves traffic", insert.message());
        assertEquals("promote V4__drop_alice.sql in a later deployment, once a version that no longer uses"
                + " person.alice runs in production", insert.help());
        assertEquals("V4__drop_alice.sql", insert.migration().script());
        assertEquals(3, insert.step());
        assertEquals(3, insert.line(), "the DROP's line in V4__drop_alice.sql");
        assertEquals("src/main/java/com/example/people/PersonRepository.java:22", insert.pattern().origin().toString());
        assertNotNull(insert.error());
        assertEquals(Severity.ERROR, insert.severity());
    }

    @Test
    void flagsTheCopyAndTheContractFromDeploy1WhoseExpandIsInProductionAlready() {
        List<Finding> findings = sample("deploy-1", "deploy-5");

        assertEquals(List.of(22, 24, 26, 51), findings.stream()
                .map(f -> Integer.parseInt(f.pattern().origin().toString().replaceAll(".*:", ""))).toList());
        assertEquals("V3__copy_alice_to_brian.sql copies person.alice into person.brian and V4__drop_alice.sql drops"
                + " person.alice in one promotion: the contract step runs while deploy-1, which still reads alice,"
                + " serves traffic", findings.get(1).message());
    }

    @Test
    void ignoresTheContractAloneWhenTheExpandAndTheCopyAreInProduction() {
        Report report = new SwitchoverCheck().run(CheckRequest.of(DirectorySnapshot.of(STORY.resolve("deploy-3")),
                DirectorySnapshot.of(STORY.resolve("deploy-5")), List.of(), List.of(), new H2Engine(),
                Severity.ERROR));

        assertEquals(List.of("dropped-column-still-used"),
                report.findings().stream().map(Finding::rule).distinct().toList());
    }

    @Test
    void flagsAnAddAndADropOfTheSameTypeWithoutACopy() {
        List<Finding> findings = RuleScenario.production(PERSON, "INSERT INTO person (id, alice) VALUES (?, ?)")
                .migrate("add_brian", ADD_BRIAN)
                .migrate("drop_alice", DROP_ALICE)
                .findings(RULE);

        assertEquals(1, findings.size());
        assertEquals("V2__add_brian.sql adds person.brian and V3__drop_alice.sql drops person.alice in one promotion:"
                + " the contract step runs while prod, which still writes alice, serves traffic",
                findings.get(0).message());
        assertEquals(2, findings.get(0).line());
    }

    @Test
    void flagsAColumnMovedIntoATableTheBatchCreates() {
        List<Finding> findings = RuleScenario.production(
                        "CREATE TABLE person (id BIGINT PRIMARY KEY, opt_in BOOLEAN DEFAULT FALSE NOT NULL);",
                        "UPDATE person SET opt_in = ? WHERE id = ?")
                .migrate("create_consent", "CREATE TABLE consent (person_id BIGINT NOT NULL, purpose VARCHAR(40));")
                .migrate("copy_opt_in", "INSERT INTO consent (person_id, purpose)"
                        + " SELECT id, 'marketing' FROM person WHERE opt_in = TRUE;")
                .migrate("drop_opt_in", "ALTER TABLE person DROP COLUMN opt_in;")
                .findings(RULE);

        assertEquals(1, findings.size());
        assertEquals("V2__create_consent.sql creates table consent and V4__drop_opt_in.sql drops person.opt_in in one"
                + " promotion: the contract step runs while prod, which still writes opt_in, serves traffic",
                findings.get(0).message());
    }

    @Test
    void ignoresAnUnrelatedColumnAddedBeforeADrop() {
        Report report = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("add_age", "ALTER TABLE person ADD COLUMN age INTEGER;")
                .migrate("drop_alice", DROP_ALICE)
                .check();

        assertEquals(List.of("dropped-column-still-used"), report.findings().stream().map(Finding::rule).toList());
    }

    @Test
    void ignoresTheWholeSequenceInOneMigrationWhichIsARename() {
        Report report = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("alice_to_brian", ADD_BRIAN + "\n" + COPY + "\n" + DROP_ALICE)
                .check();

        assertEquals(List.of("renamed-column-still-used"), report.findings().stream().map(Finding::rule).toList());
    }

    @Test
    void acceptsAnExpandAndContractBatchThatTheRunningVersionSurvives() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT id FROM person WHERE id = ?")
                .migrate("add_brian", ADD_BRIAN)
                .migrate("copy", COPY)
                .migrate("drop_alice", DROP_ALICE)
                .findings(RULE);

        assertEquals(List.of(), findings);
    }

    private static List<Finding> sample(String prod, String candidate) {
        Report report = new SwitchoverCheck().run(CheckRequest.of(DirectorySnapshot.of(STORY.resolve(prod)),
                DirectorySnapshot.of(STORY.resolve(candidate)), List.of(), List.of(), new H2Engine(), Severity.ERROR));
        List<Finding> findings = report.findings().stream().filter(f -> f.rule().equals(RULE)).toList();
        assertEquals(findings.size(), report.findings().size(), "nothing else: " + report.findings());
        return findings;
    }
}
