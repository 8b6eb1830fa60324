package io.switchover.cli;

import io.switchover.production.SilentServer;
import io.switchover.snapshot.GitFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A merge request controls the candidate's tree, switchover.yml included: it may not point the gate at another
 * database (which would get production's password), at another version of a service, or at files outside the tree.
 * Where production is comes from the pipeline: the command line, or a switchover.yml outside the tree named with
 * --config, merged over the repository's project facts; the report says where each came from.
 */
class RepositoryConfigTrustTest {
    private static final Path STORY = Path.of("sample-migrations/alice-to-brian");

    @TempDir
    Path temp;
    private Path checkout;
    private SilentServer attacker;

    @BeforeEach
    void checkOutTheMergeRequest() throws IOException {
        checkout = temp.resolve("people");
        GitFixtures.commitDeploys(checkout, STORY, "deploy-1", "deploy-5");
        attacker = new SilentServer();
    }

    @AfterEach
    void stopTheAttackersServer() throws IOException {
        attacker.close();
    }

    private void repositoryConfig(String yaml) throws IOException {
        Files.writeString(checkout.resolve("switchover.yml"), yaml);
    }

    @Test
    void theCandidatesSwitchoverYmlCannotSendTheGateToAnotherDatabase() throws IOException {
        repositoryConfig("""
                services:
                  - name: person-service
                    sources: [src/main/java]
                production:
                  history: jdbc:postgresql://127.0.0.1:%d/people
                """.formatted(attacker.port()));

        // Before the trust boundary, this run connected to the attacker's host and waited for it forever.
        CommandLineRun run = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> CommandLineRun.of("check", "--repo", checkout.toString(), "--prod", "git:deploy-1"));

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("switchover: switchover.yml:5: production.history: where production's history"
                + " is comes from the pipeline, never from the candidate's tree; give --prod-history"), run.err());
        assertTrue(run.err().contains("--trust-repo-config"), run.err());
        assertEquals(0, attacker.connections(), "the gate never connected, so no password went there");
    }

    @Test
    void withTrustRepoConfigTheGateFollowsTheRepositorysFile() throws IOException {
        repositoryConfig("""
                production:
                  history: jdbc:postgresql://127.0.0.1:%d/people
                """.formatted(attacker.port()));

        CommandLineRun run = CommandLineRun.of("check", "--repo", checkout.toString(), "--prod", "git:deploy-1",
                "--trust-repo-config", "--prod-timeout", "2s");

        assertEquals(3, run.exitCode(), run.out() + run.err());
        // pgjdbc may connect twice (SSL first, then without, when the first times out): asked at all is the point.
        assertTrue(attacker.connections() >= 1, "trusted, the file's database is asked");
    }

    @Test
    void aConfigNamedInsideTheCandidatesTreeIsTheRepositorysToo() throws IOException {
        Files.createDirectories(checkout.resolve("ci"));
        Path inside = Files.writeString(checkout.resolve("ci/gate.yml"), """
                services:
                  - name: person-service
                    repository: ..
                    production:
                      tag: deploy-1
                """);

        CommandLineRun run = CommandLineRun.of("check", "--repo", checkout.toString(), "--config", inside.toString());

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("switchover: gate.yml:5: services[0].production.tag: which version of"
                + " person-service runs in production comes from the pipeline"), run.err());
    }

    @Test
    void thePipelinesFileSaysWhereProductionIsAndTheReportSaysWhereItCameFrom() throws IOException {
        repositoryConfig("""
                migrations:
                  locations: [db/migration]
                services:
                  - name: person-service
                    sources: [src/main/java]
                """);
        Path pipeline = Files.writeString(Files.createDirectories(temp.resolve("pipeline")).resolve("gate.yml"), """
                services:
                  - name: person-service
                    repository: ../people
                    production:
                      tag: deploy-1
                """);

        CommandLineRun run = CommandLineRun.of("check", "--repo", checkout.toString(), "--config", pipeline.toString());

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("breaks 4 statements of person-service\n"), run.out());
        assertTrue(run.out().contains("note: production: person-service runs "), run.out());
        assertTrue(run.out().contains(" (from services[0].production.tag at " + pipeline.toAbsolutePath() + ":5)\n"),
                run.out());
    }

    @Test
    void theSharedDatabaseSampleNamesWhereEachProductionVersionCameFrom() {
        String story = "sample-migrations/shared-database/";
        CommandLineRun run = CommandLineRun.of("check", "--config", story + "switchover.yml", "--prod",
                story + "deploy-1/person-service", "--candidate", story + "deploy-2/person-service");

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("note: production: person-service runs " + story + "deploy-1/person-service (from"
                + " --prod)\n"), run.out());
        assertTrue(run.out().contains("note: production: newsletter-service runs " + story + "deploy-1/newsletter-service"
                + " (from services[1].production.path at " + story + "switchover.yml:10)\n"), run.out());
    }
}
