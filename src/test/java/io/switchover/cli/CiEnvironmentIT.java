package io.switchover.cli;

import io.switchover.snapshot.GitFixtures;
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

/**
 * The built jar in the environments CI gives it: it prints nothing of its libraries, also where they have something
 * to say (with a broken {@code ~/.gitconfig}, JGit's probe of the system configuration, running {@code git}, used to
 * log a warning on standard error), and it reads files whose names the locale cannot encode (no {@code LANG}).
 */
class CiEnvironmentIT {
    private static final Path JAR = Path.of("target/switchover.jar");
    private static final Path STORY = Path.of("sample-migrations/alice-to-brian");

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void aGitCheckWithABrokenGitConfigurationLeavesStandardErrorEmpty() throws Exception {
        Path checkout = temp.resolve("repo");
        GitFixtures.commitDeploys(checkout, STORY, "deploy-1", "deploy-5");
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.writeString(home.resolve(".gitconfig"), "[user\n");

        Run run = jar(home, "check", "--repo", checkout.toString(), "--prod", "git:deploy-1",
                "--candidate", "git:deploy-5");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("FAIL"), run.out());
    }

    @Test
    void withoutALocaleAFileWithANonAsciiNameIsReadAndNothingCrashes() throws Exception {
        Path prod = temp.resolve("prod");
        GitFixtures.copy(STORY.resolve("deploy-1"), prod);
        Files.writeString(prod.resolve("src/main/java/com/example/people/Gr\u00fc\u00dfe.java"),
                "class Gruesse { String q = \"SELECT alice FROM person WHERE id = ? AND alice <> 'x'\"; }");

        Run run = jar(Path.of(System.getProperty("user.home")), Map.of("LANG", "C", "LC_ALL", "C"), "check",
                "--prod", prod.toString(), "--candidate", STORY.resolve("deploy-5").toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("SELECT alice FROM person WHERE id = ? AND alice <> 'x'"), run.out());
    }

    private Run jar(Path home, String... args) throws IOException, InterruptedException {
        return jar(home, Map.of(), args);
    }

    private Run jar(Path home, Map<String, String> locale, String... args) throws IOException, InterruptedException {
        assertTrue(Files.exists(JAR), "build the jar first (mvn package)");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.environment().remove("LC_CTYPE");
        builder.environment().putAll(locale);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "switchover did not finish");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
