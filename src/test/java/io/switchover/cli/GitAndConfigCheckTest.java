package io.switchover.cli;

import com.sun.net.httpserver.HttpServer;
import io.switchover.snapshot.GitFixtures;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate reading production from git: {@code git:<ref>} snapshots of a checkout and of a bare mirror, the working
 * tree as the default candidate, and a switchover.yml whose service's production version comes from a tag or from
 * a version endpoint.
 */
class GitAndConfigCheckTest {
    private static final Path STORY = Path.of("sample-migrations/alice-to-brian");

    @TempDir
    static Path temp;
    static Path checkout;
    static Path bare;
    static Map<String, RevCommit> commits;

    @BeforeAll
    static void buildRepositories() {
        checkout = temp.resolve("people");
        commits = GitFixtures.commitDeploys(checkout, STORY, "deploy-1", "deploy-4", "deploy-5");
        bare = GitFixtures.bareClone(checkout, temp.resolve("people-mirror.git"));
    }

    @Test
    void checksTwoCommitsOfABareMirror() {
        CommandLineRun run = CommandLineRun.of("check", "--repo", bare.toString(), "--prod", "git:deploy-1",
                "--candidate", "git:deploy-5", "--migrations", "db/migration", "--sources", "src/main/java");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("V4__drop_alice.sql (batch step 2 of 2) breaks 4 statements"), run.out());
        assertTrue(run.out().contains("src/main/java/com/example/people/PersonRepository.java:22"), run.out());
        assertTrue(run.out().startsWith("FAIL  promoting deploy-5 ("), run.out());
    }

    @Test
    void takesTheWorkingTreeAsTheCandidateOfACheckout() {
        CommandLineRun run = CommandLineRun.of("check", "--repo", checkout.toString(), "--prod", "git:deploy-4");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("batch: V4__drop_alice.sql"), run.out());
    }

    @Test
    void namesAnUnknownRefAndExitsWith2() {
        CommandLineRun run = CommandLineRun.of("check", "--repo", bare.toString(), "--prod", "git:release-7",
                "--candidate", "git:deploy-5");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("git:release-7 names no commit, tag or branch"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void namesARefAShallowCloneLacksAndExitsWith2() throws Exception {
        Path shallow = temp.resolve("shallow");
        // JGit's local transport ignores depth; the git client makes a real shallow clone, as CI checkouts are.
        Process clone = new ProcessBuilder("git", "clone", "-q", "--depth", "1", checkout.toUri().toString(),
                shallow.toString()).redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(clone.waitFor() == 0, "the git client is installed");
        String older = commits.get("deploy-1").name();

        CommandLineRun run = CommandLineRun.of("check", "--repo", shallow.toString(), "--prod", "git:" + older);

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("git:" + older), run.err());
        assertTrue(run.err().contains("shallow"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void needsNoArgumentsWithASwitchoverYmlWhoseServiceNamesItsProductionTag() throws IOException {
        Path config = temp.resolve("tagged.yml");
        Files.writeString(config, """
                services:
                  - name: person-service
                    repository: people
                    sources: [src/main/java]
                    production:
                      tag: deploy-1
                """);

        CommandLineRun run = CommandLineRun.of("check", "--repo", checkout.toString(), "--config", config.toString());

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("while person-service at deploy-1 ("), run.out());
        assertTrue(run.out().contains("breaks 4 statements of person-service\n"), run.out());
    }

    @Test
    void asksTheVersionEndpointWhichCommitProductionRuns() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String deployed = commits.get("deploy-4").name();
        server.createContext("/actuator/info", exchange -> {
            byte[] body = ("{\"git\":{\"branch\":\"main\",\"commit\":{\"id\":\"" + deployed + "\"}}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/wrong", exchange -> {
            byte[] body = "0123456789abcdef0123456789abcdef01234567".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            CommandLineRun run = CommandLineRun.of("check", "--repo", checkout.toString(), "--config",
                    config("endpoint.yml", base + "/actuator/info").toString());
            assertEquals(0, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().startsWith("PASS  promoting people (working tree) while person-service at "
                    + deployed.substring(0, 7) + " serves traffic"), run.out());

            CommandLineRun unknown = CommandLineRun.of("check", "--repo", checkout.toString(), "--config",
                    config("wrong.yml", base + "/wrong").toString());
            assertEquals(2, unknown.exitCode(), unknown.out() + unknown.err());
            assertTrue(unknown.err().contains("has no such commit"), unknown.err());
        } finally {
            server.stop(0);
        }
        CommandLineRun down = CommandLineRun.of("check", "--repo", checkout.toString(), "--config",
                config("down.yml", "http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/info").toString());
        assertEquals(3, down.exitCode(), down.out() + down.err());
        assertTrue(down.err().contains("does not answer"), down.err());
        assertEquals(1, down.err().lines().count(), down.err());
    }

    @Test
    void reportsAConfigurationMistakeWithFileLineAndKey() throws IOException {
        Path config = temp.resolve("broken.yml");
        Files.writeString(config, """
                services:
                  - name: person-service
                    production:
                      tag: deploy-1
                      branch: main
                """);

        CommandLineRun run = CommandLineRun.of("check", "--repo", checkout.toString(), "--config", config.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("switchover: broken.yml:5: services[0].production.branch: unknown key"),
                run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    private static Path config(String name, String endpoint) throws IOException {
        Path config = temp.resolve(name);
        Files.writeString(config, """
                services:
                  - name: person-service
                    repository: people
                    production:
                      endpoint: %s
                """.formatted(endpoint));
        return config;
    }
}
