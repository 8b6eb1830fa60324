package io.switchover.snapshot;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A commit's symbolic links are what a checkout makes of them, but none leads out of the commit. */
class GitSnapshotTest {
    @TempDir
    Path temp;

    /** JUnit warns about every link out of its temporary folder it deletes: the links this test made go first. */
    @AfterEach
    void removeTheLinks() throws IOException {
        TestLinks.removeUnder(temp);
    }

    @Test
    void aLinkToAFileOfTheCommitIsListedAndReadsThatFile() throws Exception {
        Path checkout = checkout();
        Files.createSymbolicLink(checkout.resolve("db/migration/V2__same.sql"), Path.of("V1__init.sql"));
        Files.createSymbolicLink(checkout.resolve("db/V3__up.sql"), Path.of("../db/./migration/V2__same.sql"));

        Snapshot snapshot = commit(checkout);

        assertEquals(List.of("db/V3__up.sql", "db/migration/V1__init.sql", "db/migration/V2__same.sql"),
                snapshot.files());
        assertEquals("CREATE TABLE t (id INT);", snapshot.read("db/V3__up.sql"));
        assertEquals(List.of(), snapshot.skipped());
    }

    @Test
    void linksOutOfTheCommitOrToFoldersAreSkippedAndSaidSo() throws Exception {
        Path checkout = checkout();
        Files.createSymbolicLink(checkout.resolve("db/migration/V5__env.sql"), Path.of("/proc/self/environ"));
        Files.createSymbolicLink(checkout.resolve("db/migration/V6__up.sql"), Path.of("../../../secret.txt"));
        Files.createSymbolicLink(checkout.resolve("sql"), Path.of("db/migration"));
        Files.createSymbolicLink(checkout.resolve("loop.sql"), Path.of("loop.sql"));

        Snapshot snapshot = commit(checkout);

        assertEquals(List.of("db/migration/V1__init.sql"), snapshot.files());
        assertEquals(List.of(
                        new SkippedFile("db/migration/V5__env.sql", "a symbolic link that points outside the snapshot"),
                        new SkippedFile("db/migration/V6__up.sql", "a symbolic link that points outside the snapshot"),
                        new SkippedFile("loop.sql", "a symbolic link to a link that leads nowhere in the commit (or a"
                                + " loop)"),
                        new SkippedFile("sql", "a symbolic link to a folder, which is not followed")),
                snapshot.skipped());
        assertEquals("no such file in the commit",
                assertThrows(UnreadableFile.class, () -> snapshot.read("db/migration/V5__env.sql")).reason());
        assertEquals("the path leaves the snapshot",
                assertThrows(UnreadableFile.class, () -> snapshot.read("../secret.txt")).reason());
    }

    @Test
    void aBlobThatIsNotUtf8IsReadAsLatin1WithANote() throws Exception {
        Path checkout = checkout();
        Files.write(checkout.resolve("Dao.java"), "// caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));

        FileText text = commit(checkout).readFile("Dao.java");

        assertEquals("// caf\u00e9", text.text());
        assertEquals(Optional.of("Dao.java is not valid UTF-8; it is read as ISO-8859-1 (Latin-1)"), text.note());
    }

    @Test
    void aBlobAboveJGitsStreamingThresholdButWithinTheBoundIsRead() throws Exception {
        Path checkout = checkout();
        String big = "INSERT INTO t VALUES (1);\n".repeat(55 * 1024 * 1024 / 26);
        Files.writeString(checkout.resolve("db/migration/V2__data.sql"), big);

        assertEquals(big.length(), commit(checkout).read("db/migration/V2__data.sql").length());
    }

    private Path checkout() throws IOException {
        Path checkout = temp.resolve("repo");
        Files.createDirectories(checkout.resolve("db/migration"));
        Files.writeString(checkout.resolve("db/migration/V1__init.sql"), "CREATE TABLE t (id INT);");
        return checkout;
    }

    private static Snapshot commit(Path checkout) throws GitAPIException {
        try (Git git = Git.init().setDirectory(checkout.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Dev", "dev@example.com");
            git.commit().setMessage("one").setAuthor(who).setCommitter(who).call();
        }
        return GitRepository.open(checkout).at("HEAD");
    }
}
