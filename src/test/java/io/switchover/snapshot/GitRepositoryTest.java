package io.switchover.snapshot;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitRepositoryTest {
    private static final Path STORY = Path.of("sample-migrations/alice-to-brian");
    private static final String REPOSITORY_JAVA = "src/main/java/com/example/people/PersonRepository.java";

    @TempDir
    static Path temp;
    static Path checkout;
    static Map<String, RevCommit> commits;

    @BeforeAll
    static void buildRepository() {
        checkout = temp.resolve("people");
        commits = GitFixtures.commitDeploys(checkout, STORY, "deploy-1", "deploy-4", "deploy-5");
    }

    @Test
    void readsTheFilesOfATagWithoutTouchingTheWorkTree() throws IOException {
        Path workTreeFile = checkout.resolve(REPOSITORY_JAVA);
        String before = Files.readString(workTreeFile);

        try (GitRepository repository = GitRepository.open(checkout)) {
            Snapshot deploy1 = repository.at("deploy-1");

            assertTrue(deploy1.files().contains("db/migration/V2__add_brian.sql"));
            assertFalse(deploy1.files().contains("db/migration/V4__drop_alice.sql"));
            assertTrue(deploy1.read(REPOSITORY_JAVA).contains("INSERT INTO person (id, alice, created_at)"));
            assertEquals("deploy-1 (" + commits.get("deploy-1").abbreviate(7).name() + ")", deploy1.name());
        }
        assertEquals(before, Files.readString(workTreeFile));
        assertTrue(Files.exists(checkout.resolve("db/migration/V4__drop_alice.sql")), "the work tree stays at deploy-5");
    }

    @Test
    void readsCommitsBranchesAndABareClone() {
        Path bare = GitFixtures.bareClone(checkout, temp.resolve("people.git"));
        try (GitRepository repository = GitRepository.open(bare)) {
            assertTrue(repository.isBare());
            assertEquals("people", repository.name());
            assertTrue(repository.at("main").files().contains("db/migration/V4__drop_alice.sql"));
            String sha = commits.get("deploy-4").name();
            assertFalse(repository.at(sha).files().contains("db/migration/V4__drop_alice.sql"));
            assertFalse(repository.at(sha.substring(0, 10)).files().contains("db/migration/V4__drop_alice.sql"));
        }
    }

    @Test
    void namesAnUnknownRefInTheError() {
        try (GitRepository repository = GitRepository.open(checkout)) {
            SwitchoverException error = assertThrows(SwitchoverException.class, () -> repository.at("deploy-9"));

            assertEquals(ExitCode.BAD_INPUT, error.exitCode());
            assertTrue(error.getMessage().startsWith("git:deploy-9 names no commit, tag or branch"), error.getMessage());
        }
    }

    @Test
    void findsTheNewestTagMatchingAPattern() {
        try (GitRepository repository = GitRepository.open(checkout)) {
            assertEquals("deploy-5", repository.newestTag("deploy-*").orElseThrow());
            assertEquals("deploy-1", repository.newestTag("deploy-1*").orElseThrow());
            assertTrue(repository.newestTag("release-*").isEmpty());
        }
    }

    @Test
    void knowsWhichCommitsItHas() {
        try (GitRepository repository = GitRepository.open(checkout)) {
            assertTrue(repository.hasCommit(commits.get("deploy-4").name()));
            assertFalse(repository.hasCommit("0123456789abcdef0123456789abcdef01234567"));
        }
    }

    @Test
    void rejectsAFolderThatIsNoRepository() {
        SwitchoverException error = assertThrows(SwitchoverException.class, () -> GitRepository.open(STORY));
        assertEquals(ExitCode.BAD_INPUT, error.exitCode());
        assertTrue(error.getMessage().contains("is not a git repository"), error.getMessage());
    }
}
