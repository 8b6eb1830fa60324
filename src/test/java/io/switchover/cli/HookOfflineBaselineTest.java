package io.switchover.cli;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pre-push hook checks against the baseline the team configured, offline, and prints verdict and findings. */
class HookOfflineBaselineTest {
    private static final Path SAMPLE = Path.of("sample-migrations/alice-to-brian");

    @Test
    void theHookChecksAgainstAnExportedHistoryNamedByItsAbsolutePath(@TempDir Path dir) throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();
        Path history = Files.writeString(dir.resolve("prod-history.json"), "[]");

        CommandLineRun install = CommandLineRun.of("hook", "install", "--repo", dir.toString(), "--prod-history",
                history.toString());

        assertEquals(0, install.exitCode(), install.err());
        String hook = Files.readString(dir.resolve(".git/hooks/pre-push"));
        assertTrue(hook.contains("--prod-history '" + history.toAbsolutePath().normalize() + "'"), hook);
        assertTrue(hook.contains("--brief"), hook);
    }

    @Test
    void theHookRefusesAProductionDatabaseUrl(@TempDir Path dir) throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();

        CommandLineRun install = CommandLineRun.of("hook", "install", "--repo", dir.toString(), "--prod-history",
                "jdbc:postgresql://prod.example.invalid/app");

        assertEquals(2, install.exitCode());
        assertTrue(install.err().contains("runs offline on every push"), install.err());
        assertFalse(Files.exists(dir.resolve(".git/hooks/pre-push")));
    }

    @Test
    void briefTextHoldsTheVerdictAndTheFindingsOnly() {
        CommandLineRun full = CommandLineRun.of("check", "--prod", SAMPLE.resolve("deploy-1").toString(),
                "--candidate", SAMPLE.resolve("deploy-5").toString(), "--no-cache");
        CommandLineRun brief = CommandLineRun.of("check", "--prod", SAMPLE.resolve("deploy-1").toString(),
                "--candidate", SAMPLE.resolve("deploy-5").toString(), "--no-cache", "--brief");

        assertEquals(1, brief.exitCode(), brief.err());
        assertEquals(full.out().lines().findFirst(), brief.out().lines().findFirst(), "the verdict first");
        assertTrue(brief.out().contains("V4__drop_alice.sql (batch step 2 of 2) breaks"), brief.out());
        assertTrue(full.out().startsWith(brief.out().stripTrailing()), "the start of the full report");
        assertFalse(brief.out().contains("batch:"), brief.out());
        assertFalse(brief.out().contains("note:"), brief.out());
        assertTrue(full.out().contains("batch:"));
    }
}
