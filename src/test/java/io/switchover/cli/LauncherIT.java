package io.switchover.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/switchover makes the README's {@code switchover ...} lines work as written, also through a symlink on PATH. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("bin/switchover").toAbsolutePath();
    private static final String STORY = "sample-migrations/alice-to-brian/";

    private record Run(int exitCode, String output) {
    }

    private static Run run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("launcher", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().remove("SWITCHOVER_JAR");
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void theReadmesCommandRunsThroughTheLauncherWithItsExitCode() throws Exception {
        Run run = run(Map.of(), LAUNCHER.toString(), "check", "--prod", STORY + "deploy-1", "--candidate",
                STORY + "deploy-5");

        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().startsWith("FAIL  promoting deploy-5 while deploy-1"), run.output());
    }

    @Test
    void aSymlinkOnThePathFindsTheJarBesideTheRealScript(@TempDir Path bin) throws Exception {
        Path link = Files.createSymbolicLink(bin.resolve("switchover"), LAUNCHER);
        Run run;
        try {
            run = run(Map.of("PATH", bin + ":" + System.getenv("PATH")), "sh", "-c", "switchover --version");
        } finally {
            Files.delete(link);
        }

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().startsWith("switchover "), run.output());
    }

    @Test
    void aMissingJarIsBadInputWithWhatToDo(@TempDir Path dir) throws Exception {
        Run run = run(Map.of("SWITCHOVER_JAR", dir.resolve("none.jar").toString()), LAUNCHER.toString(), "--version");

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("set SWITCHOVER_JAR"), run.output());
    }
}
