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
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host that accepts the connection and never answers (a hung server, a black-holing proxy) ends the run with exit
 * 3 and one line once the timeout has passed, instead of hanging the pipeline: production's database, the replay
 * server, and a version endpoint.
 */
class TimeoutsTest {
    private static final String STORY = "sample-migrations/alice-to-brian/";
    /** The runs below wait 2 s; a check that then fails fast stays well within this. */
    private static final Duration WITHIN = Duration.ofSeconds(25);

    @TempDir
    Path temp;
    private SilentServer silent;

    @BeforeEach
    void startSilentServer() throws IOException {
        silent = new SilentServer();
    }

    @AfterEach
    void stopSilentServer() throws IOException {
        silent.close();
    }

    private static CommandLineRun check(String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--prod", STORY + "deploy-1", "--candidate",
                STORY + "deploy-5"));
        args.addAll(List.of(more));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    @Test
    void aSilentPostgresProductionEndsTheRunAfterProdTimeout() {
        CommandLineRun run = assertTimeoutPreemptively(WITHIN, () -> check("--prod-history",
                "jdbc:postgresql://127.0.0.1:" + silent.port() + "/people", "--prod-timeout", "2s"));

        assertOneLineFailure(run, "cannot connect to production's database at jdbc:postgresql://127.0.0.1:"
                + silent.port() + "/people");
        assertTrue(run.err().contains("--prod-timeout"), run.err());
    }

    @Test
    void aSilentMariaDbProductionEndsTheRunAfterProdTimeout() {
        CommandLineRun run = assertTimeoutPreemptively(WITHIN, () -> check("--prod-history",
                "jdbc:mariadb://127.0.0.1:" + silent.port() + "/people", "--prod-timeout", "2s"));

        assertOneLineFailure(run, "cannot connect to production's database at jdbc:mariadb://127.0.0.1:"
                + silent.port() + "/people");
        assertTrue(run.err().contains("--prod-timeout"), run.err());
    }

    @Test
    void aSilentPostgresReplayServerEndsTheRunAfterEngineTimeout() {
        CommandLineRun run = assertTimeoutPreemptively(WITHIN, () -> check("--engine", "postgres", "--engine-url",
                "jdbc:postgresql://127.0.0.1:" + silent.port() + "/postgres?user=postgres", "--engine-timeout", "2s"));

        assertOneLineFailure(run, "PostgreSQL at 127.0.0.1:" + silent.port());
    }

    @Test
    void aSilentMariaDbReplayServerEndsTheRunAfterEngineTimeout() {
        CommandLineRun run = assertTimeoutPreemptively(WITHIN, () -> check("--engine", "mariadb", "--engine-url",
                "jdbc:mariadb://127.0.0.1:" + silent.port() + "/mysql?user=root", "--engine-timeout", "2s"));

        assertOneLineFailure(run, "MariaDB at 127.0.0.1:" + silent.port());
    }

    @Test
    void aSilentVersionEndpointEndsTheRunAfterProdTimeout() throws IOException {
        Path checkout = temp.resolve("people");
        GitFixtures.commitDeploys(checkout, Path.of(STORY), "deploy-1", "deploy-5");
        Path config = Files.writeString(temp.resolve("pipeline.yml"), """
                services:
                  - name: person-service
                    repository: people
                    production:
                      endpoint: http://127.0.0.1:%d/actuator/info
                """.formatted(silent.port()));

        CommandLineRun run = assertTimeoutPreemptively(WITHIN, () -> CommandLineRun.of("check", "--repo",
                checkout.toString(), "--config", config.toString(), "--prod-timeout", "2s"));

        assertOneLineFailure(run, "the version endpoint of person-service (http://127.0.0.1:" + silent.port()
                + "/actuator/info) does not answer: no answer within 2 s (--prod-timeout)");
        assertEquals(1, silent.connections(), "the endpoint was asked once");
    }

    @Test
    void aTimeoutIsANumberAndAUnit() {
        CommandLineRun run = check("--prod-timeout", "soon");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("--prod-timeout 'soon': write a number above zero and a unit"), run.err());
    }

    private static void assertOneLineFailure(CommandLineRun run, String expected) {
        assertEquals(3, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        assertTrue(run.err().startsWith("switchover: "), run.err());
        assertTrue(run.err().contains(expected), run.err());
    }
}
