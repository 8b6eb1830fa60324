package io.switchover.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built jar, run as a pipeline runs it ({@code java -jar target/switchover.jar ...}): the contract scripts rely
 * on, checked on the artifact itself rather than on its classes (shading can lose service files and resources).
 */
class CliJarIT {
    private static final Path JAR = Path.of("target/switchover.jar");
    private static final String STORY = "sample-migrations/alice-to-brian/";

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        assertTrue(Files.exists(JAR), "build the jar first (mvn package)");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("switchover-out", ".txt");
        Path err = Files.createTempFile("switchover-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "switchover did not finish");
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theJarFailsTheBatchedDropOfAliceWithExitCode1() throws Exception {
        Run run = run("check", "--prod", STORY + "deploy-1", "--candidate", STORY + "deploy-5");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("alice"), run.out());
        assertTrue(run.out().contains("V4__drop_alice.sql"), run.out());
        assertTrue(run.out().contains("src/main/java/com/example/people/PersonRepository.java:22"), run.out());
        assertTrue(run.out().contains("[expand-and-contract-in-one-batch]"), run.out());
        assertEquals("", run.err(), "no library logging on standard error");
    }

    @Test
    void theJarPassesFromDeploy4WithExitCode0() throws Exception {
        Run run = run("check", "--prod", STORY + "deploy-4", "--candidate", STORY + "deploy-5");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("PASS"), run.out());
    }

    @Test
    void theJarAnswersBadInputWithOneLineAndExitCode2() throws Exception {
        Run run = run("check", "--prod", "no/such/dir", "--candidate", STORY + "deploy-5");

        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(run.err().contains("at io.switchover"), run.err());
    }

    @Test
    void theJarExplainsEveryRuleItLists() throws Exception {
        Run rules = run("rules");
        assertEquals(0, rules.exitCode(), rules.err());
        for (String line : rules.out().lines().toList()) {
            String id = line.split(" +")[0];
            Run explain = run("explain", id);
            assertEquals(0, explain.exitCode(), id + ": " + explain.err());
            assertTrue(explain.out().contains("# " + id), explain.out());
        }
    }

    @Test
    void theJarPrintsItsVersion() throws Exception {
        Run run = run("--version");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("switchover "), run.out());
    }
}
