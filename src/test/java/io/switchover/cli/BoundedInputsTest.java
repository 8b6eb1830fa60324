package io.switchover.cli;

import io.switchover.snapshot.GitFixtures;
import io.switchover.snapshot.TestLinks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inputs of the audit of issue 10, each as a user meets it: an exit code of the contract, one line on standard
 * error where it is bad input, and nothing from outside the snapshot in the report.
 */
class BoundedInputsTest {
    private static final Path STORY = Path.of("sample-migrations/alice-to-brian");

    @TempDir
    Path temp;

    /** JUnit warns about every link out of its temporary folder it deletes: the links this test made go first. */
    @AfterEach
    void removeTheLinks() throws IOException {
        TestLinks.removeUnder(temp);
    }

    @Test
    void aMigrationLinkedToTheEnvironmentIsBadInputAndTheEnvironmentIsNotPrinted() throws IOException {
        Path candidate = copy("deploy-5", "candidate");
        Files.createSymbolicLink(candidate.resolve("db/migration/V5__env.sql"), Path.of("/proc/self/environ"));

        CommandLineRun run = check("deploy-1", candidate.toString());

        assertBadInput(run, "candidate: migration db/migration/V5__env.sql is a symbolic link that points outside the"
                + " snapshot");
        assertFalse((run.out() + run.err()).contains(System.getenv("PATH")), "the environment leaked");
    }

    @Test
    void aSourceLinkedOutOfTheSnapshotIsSkippedAndSaidSoWhileTheRestIsChecked() throws IOException {
        Path prod = copy("deploy-1", "prod");
        Path outside = Files.writeString(temp.resolve("Secret.java"), "class Secret { String s = \"SELECT pw FROM"
                + " secrets\"; }");
        Files.createSymbolicLink(prod.resolve("src/main/java/com/example/people/Secret.java"), outside);

        CommandLineRun run = check(prod.toString(), STORY.resolve("deploy-5").toString());

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("warning: prod: src/main/java/com/example/people/Secret.java is skipped: a"
                + " symbolic link that points outside the snapshot"), run.out());
        assertFalse(run.out().contains("secrets"), run.out());
    }

    @Test
    void aServiceFileInLatin1IsStillCheckedWithANote() throws IOException {
        Path prod = copy("deploy-1", "prod");
        Path repository = prod.resolve("src/main/java/com/example/people/PersonRepository.java");
        String source = Files.readString(repository).replace("package com.example.people;",
                "package com.example.people;\n// Gr\u00fc\u00dfe aus K\u00f6ln");
        Files.write(repository, source.getBytes(StandardCharsets.ISO_8859_1));

        CommandLineRun run = check(prod.toString(), STORY.resolve("deploy-5").toString());

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("INSERT INTO person (id, alice, created_at) VALUES (?, ?, ?)"), run.out());
        assertTrue(run.out().contains("src/main/java/com/example/people/PersonRepository.java is not valid UTF-8; it"
                + " is read as ISO-8859-1 (Latin-1)"), run.out());
    }

    @Test
    void aConcatenationOfFiftyThousandTermsIsAPlaceNotCheckedNotAnInternalError() throws IOException {
        Path prod = copy("deploy-1", "prod");
        String terms = String.join(" + ", Collections.nCopies(50_000, "\"x\""));
        Files.writeString(prod.resolve("src/main/java/com/example/people/Generated.java"),
                "package com.example.people;\nclass Generated {\n  static final String SQL = " + terms + ";\n}\n");

        CommandLineRun run = check(prod.toString(), STORY.resolve("deploy-5").toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("src/main/java/com/example/people/Generated.java:1  (the whole file)  (not"
                + " parsed: an expression in it is"), run.out());
    }

    @Test
    void aConfigurationNestedThousandsDeepIsBadInputInOneLine() throws IOException {
        Path config = Files.writeString(temp.resolve("switchover.yml"), "services: " + "[".repeat(50_000) + "\n");

        CommandLineRun run = CommandLineRun.of("check", "--config", config.toString(), "--prod",
                STORY.resolve("deploy-1").toString(), "--candidate", STORY.resolve("deploy-5").toString());

        assertBadInput(run, "switchover.yml:1: nested more than 32 levels deep");
    }

    @Test
    void anEmptyHistoryExportIsBadInput() throws IOException {
        Path history = Files.writeString(temp.resolve("history.json"), "{\"format\":\"switchover-flyway-history\","
                + "\"rows\":[]}");

        assertBadInput(check("deploy-1", STORY.resolve("deploy-5").toString(), "--prod-history", history.toString()),
                "names no applied migration");
    }

    @Test
    void aHistoryRowWithAVersionFlywayCannotReadIsBadInputNamingTheRow() throws IOException {
        Path history = Files.writeString(temp.resolve("history.json"), "{\"format\":\"switchover-flyway-history\","
                + "\"rows\":[{\"installedRank\":1,\"version\":\"1.x.y\",\"description\":\"create person\","
                + "\"type\":\"SQL\",\"script\":\"V1__create_person.sql\",\"checksum\":1,\"success\":true}]}");

        assertBadInput(check("deploy-1", STORY.resolve("deploy-5").toString(), "--prod-history", history.toString()),
                "rows[0] (V1__create_person.sql) has version '1.x.y', which is not a Flyway version");
    }

    @Test
    void foldersThatLeaveTheSnapshotAreBadInput() {
        assertBadInput(check("deploy-1", STORY.resolve("deploy-5").toString(), "--migrations", "../deploy-1/db/migration"),
                "migration folder '../deploy-1/db/migration' leaves the snapshot");
        assertBadInput(check("deploy-1", STORY.resolve("deploy-5").toString(), "--sources", "../x"),
                "source folder '../x' leaves the snapshot");
    }

    @Test
    void aGitSnapshotWithALinkOutOfTheCommitIsCheckedWithoutIt() throws IOException {
        Path checkout = temp.resolve("repo");
        GitFixtures.commitDeploys(checkout, STORY, "deploy-1");
        GitFixtures.replaceWorkTree(checkout, STORY.resolve("deploy-5"));
        Files.createSymbolicLink(checkout.resolve("src/main/java/com/example/people/Env.java"),
                Path.of("/proc/self/environ"));
        commitAll(checkout);

        CommandLineRun run = CommandLineRun.of("check", "--repo", checkout.toString(), "--prod", "git:deploy-1",
                "--candidate", "git:HEAD");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("src/main/java/com/example/people/Env.java is skipped: a symbolic link that"
                + " points outside the snapshot"), run.out());
        assertEquals("", run.err());
    }

    private static void commitAll(Path checkout) {
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(checkout.toFile())) {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            org.eclipse.jgit.lib.PersonIdent who = new org.eclipse.jgit.lib.PersonIdent("Dev", "dev@example.com");
            git.commit().setMessage("deploy-5").setAuthor(who).setCommitter(who).call();
        } catch (IOException | org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A check of {@code prod} (a deploy of the story, or a path) against {@code candidate}, with more options. */
    private static CommandLineRun check(String prod, String candidate, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--prod",
                prod.contains("/") ? prod : STORY.resolve(prod).toString(), "--candidate", candidate));
        args.addAll(List.of(more));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    private Path copy(String deploy, String name) throws IOException {
        Path target = temp.resolve(name);
        GitFixtures.copy(STORY.resolve(deploy), target);
        return target;
    }

    private static void assertBadInput(CommandLineRun run, String expected) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
        assertTrue(run.err().contains(expected), run.err());
    }
}
