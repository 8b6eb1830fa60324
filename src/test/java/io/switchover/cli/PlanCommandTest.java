package io.switchover.cli;

import io.switchover.snapshot.GitFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line contract of {@code switchover plan}: which versions it plans through, and when there are none. */
class PlanCommandTest {
    private static final String STORY = "sample-migrations/alice-to-brian/";

    @Test
    void plansThroughTheFoldersAnAbsoluteGlobNames() {
        String story = Path.of(STORY).toAbsolutePath().toString();
        CommandLineRun run = CommandLineRun.of("plan", "--prod", STORY + "deploy-1", "--candidate", STORY + "deploy-5",
                "--states", "dirs:" + story + "/deploy-*");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("deploy-4"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aGlobThatNamesNoVersionIsBadInputInOneLine() {
        CommandLineRun run = CommandLineRun.of("plan", "--prod", STORY + "deploy-1", "--candidate", STORY + "deploy-5",
                "--states", "dirs:" + STORY + "nothing-*");

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("--states dirs:" + STORY + "nothing-* names no version between"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void withNoCommitBetweenThemThePlanIsTheCheckItself(@TempDir Path temp) {
        Path batched = temp.resolve("batched");
        GitFixtures.commitDeploys(batched, Path.of(STORY), "deploy-1", "deploy-5");
        Path checkout = temp.resolve("people");
        GitFixtures.commitDeploys(checkout, Path.of(STORY), "deploy-4", "deploy-5");

        CommandLineRun unsafe = CommandLineRun.of("plan", "--repo", batched.toString(), "--prod", "git:deploy-1",
                "--candidate", "git:deploy-5", "--migrations", "db/migration", "--sources", "src/main/java");
        CommandLineRun safe = CommandLineRun.of("plan", "--repo", checkout.toString(), "--prod", "git:deploy-4",
                "--candidate", "git:deploy-5", "--migrations", "db/migration", "--sources", "src/main/java");

        assertEquals(1, unsafe.exitCode(), unsafe.out() + unsafe.err());
        assertTrue(unsafe.out().startsWith("No version is recorded between"), unsafe.out());
        assertTrue(unsafe.out().contains("is not safe: 'switchover check' says why."), unsafe.out());
        assertEquals(0, safe.exitCode(), safe.out() + safe.err());
        assertTrue(safe.out().contains("is safe: promote the candidate as it is."), safe.out());
    }
}
