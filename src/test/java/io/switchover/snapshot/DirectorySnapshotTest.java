package io.switchover.snapshot;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A directory snapshot lists and reads only what is inside it, within the bounds of {@link SnapshotLimits}. */
class DirectorySnapshotTest {
    @TempDir
    Path temp;

    /** JUnit warns about every link out of its temporary folder it deletes: the links this test made go first. */
    @AfterEach
    void removeTheLinks() throws IOException {
        TestLinks.removeUnder(temp);
    }

    private Path root() throws IOException {
        Path root = Files.createDirectories(temp.resolve("deploy-5"));
        write(root.resolve("db/migration/V1__init.sql"), "CREATE TABLE t (id INT);");
        return root;
    }

    @Test
    void aLinkOutOfTheSnapshotIsNeitherListedNorReadAndIsSaidToBeSkipped() throws IOException {
        Path root = root();
        Path secret = write(temp.resolve("secret.txt"), "PASSWORD=hunter2");
        Files.createSymbolicLink(root.resolve("db/migration/V5__env.sql"), Path.of("/proc/self/environ"));
        Files.createSymbolicLink(root.resolve("db/migration/V6__up.sql"), Path.of("../../../secret.txt"));
        Files.createSymbolicLink(root.resolve("Secret.java"), secret);
        DirectorySnapshot snapshot = DirectorySnapshot.of(root);

        assertEquals(List.of("db/migration/V1__init.sql"), snapshot.files());
        assertEquals(List.of(
                        new SkippedFile("Secret.java", "a symbolic link that points outside the snapshot"),
                        new SkippedFile("db/migration/V5__env.sql", "a symbolic link that points outside the snapshot"),
                        new SkippedFile("db/migration/V6__up.sql", "a symbolic link that points outside the snapshot")),
                snapshot.skipped());
        UnreadableFile e = assertThrows(UnreadableFile.class, () -> snapshot.read("db/migration/V6__up.sql"));
        assertEquals("a symbolic link that points outside the snapshot", e.reason());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void aLinkToAFileInsideIsListedUnderItsOwnNameAndReadsTheFile() throws IOException {
        Path root = root();
        Files.createSymbolicLink(root.resolve("db/migration/V2__same.sql"), Path.of("V1__init.sql"));
        DirectorySnapshot snapshot = DirectorySnapshot.of(root);

        assertEquals(List.of("db/migration/V1__init.sql", "db/migration/V2__same.sql"), snapshot.files());
        assertEquals("CREATE TABLE t (id INT);", snapshot.read("db/migration/V2__same.sql"));
    }

    @Test
    void linksToFoldersAndToNothingAreSkipped() throws IOException {
        Path root = root();
        Files.createSymbolicLink(root.resolve("again"), root.resolve("db"));
        Files.createSymbolicLink(root.resolve("gone.sql"), root.resolve("missing.sql"));

        assertEquals(List.of(new SkippedFile("again", "a symbolic link to a folder, which is not followed"),
                        new SkippedFile("gone.sql", "a symbolic link to nothing (no such file or directory)")),
                DirectorySnapshot.of(root).skipped());
    }

    @Test
    void aSnapshotGivenAsALinkToAFolderIsThatFolder() throws IOException {
        Path root = root();
        Path link = Files.createSymbolicLink(temp.resolve("current"), root);

        DirectorySnapshot snapshot = DirectorySnapshot.of(link);

        assertEquals(List.of("db/migration/V1__init.sql"), snapshot.files());
        assertEquals("CREATE TABLE t (id INT);", snapshot.read("db/migration/V1__init.sql"));
    }

    @Test
    void aPathWithDotDotOrAnAbsolutePathIsNeverRead() throws IOException {
        Path root = root();
        write(temp.resolve("x/V1__outside.sql"), "DROP TABLE t;");
        DirectorySnapshot snapshot = DirectorySnapshot.of(root);

        assertEquals("the path leaves the snapshot",
                assertThrows(UnreadableFile.class, () -> snapshot.read("../x/V1__outside.sql")).reason());
        assertEquals("the path leaves the snapshot",
                assertThrows(UnreadableFile.class, () -> snapshot.read(temp + "/x/V1__outside.sql")).reason());
        assertEquals(List.of(), snapshot.filesUnder("../x"));
        assertFalse(snapshot.isDirectory("db/../../x"));
    }

    @Test
    void aFileLargerThanTheBoundIsNotReadAndSaysHowLarge() throws IOException {
        Path root = root();
        try (RandomAccessFile sparse = new RandomAccessFile(root.resolve("db/migration/V2__dump.sql").toFile(), "rw")) {
            sparse.setLength(SnapshotLimits.MAX_FILE_BYTES + 1024 * 1024);
        }

        UnreadableFile e = assertThrows(UnreadableFile.class,
                () -> DirectorySnapshot.of(root).read("db/migration/V2__dump.sql"));

        assertEquals("it is 65 MB, more than the 64 MB switchover reads of one file", e.reason());
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsLatin1WithANote() throws IOException {
        Path root = root();
        Files.write(root.resolve("Dao.java"), "String sql = \"SELECT nom FROM caf\u00e9\";"
                .getBytes(StandardCharsets.ISO_8859_1));

        FileText text = DirectorySnapshot.of(root).readFile("Dao.java");

        assertEquals("String sql = \"SELECT nom FROM caf\u00e9\";", text.text());
        assertEquals(Optional.of("Dao.java is not valid UTF-8; it is read as ISO-8859-1 (Latin-1)"), text.note());
        assertEquals(Optional.empty(), DirectorySnapshot.of(root).readFile("db/migration/V1__init.sql").note());
    }

    @Test
    void aReplacementCharacterWrittenInUtf8IsUtf8() throws IOException {
        Path root = root();
        write(root.resolve("a.sql"), "SELECT '\uFFFD' FROM t");

        assertEquals(Optional.empty(), DirectorySnapshot.of(root).readFile("a.sql").note());
    }

    @Test
    void moreFilesThanTheBoundIsBadInputSayingWhatToDo() throws IOException {
        Path root = root();
        for (int i = 0; i < 5; i++) {
            write(root.resolve("src/F" + i + ".java"), "class F {}");
        }

        SwitchoverException e = assertThrows(SwitchoverException.class,
                () -> DirectoryListing.of(root.toRealPath(), "deploy-5", 5));

        assertEquals("deploy-5 holds more than 5 files (version-control and build folders left out), more than"
                + " switchover reads of one snapshot; point --prod and --candidate at the folder of the service and"
                + " its migrations", e.getMessage());
    }

    @Test
    void buildAndVersionControlFoldersAreNotEntered() throws IOException {
        Path root = root();
        write(root.resolve("node_modules/pkg/index.sql"), "SELECT 1");
        write(root.resolve("target/classes/db/migration/V1__init.sql"), "CREATE TABLE t (id INT);");
        Files.createSymbolicLink(root.resolve("node_modules/outside"), Path.of("/etc/passwd"));

        DirectorySnapshot snapshot = DirectorySnapshot.of(root);

        assertEquals(List.of("db/migration/V1__init.sql"), snapshot.files());
        assertEquals(List.of(), snapshot.skipped());
    }

    @Test
    void aFolderThatCannotBeReadIsBadInputNamingIt() throws IOException {
        // Root reads every folder, so the walk's failure is given as the JDK reports it to a non-root user.
        Path root = root();
        Path locked = root.resolve("src/locked");
        DirectoryListing listing = new DirectoryListing(root.toRealPath(), "deploy-5", 10);

        SwitchoverException e = assertThrows(SwitchoverException.class,
                () -> listing.visitFileFailed(locked, new AccessDeniedException(locked.toString())));

        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("cannot read " + locked + " in snapshot deploy-5: permission denied; make it readable, or check"
                + " a snapshot without it", e.getMessage());
    }

    @Test
    void aPipeIsSkippedInsteadOfBlockingTheRead() throws IOException, InterruptedException {
        Path root = root();
        Path fifo = root.resolve("db/migration/V2__pipe.sql");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());

        DirectorySnapshot snapshot = DirectorySnapshot.of(root);

        assertEquals(List.of(new SkippedFile("db/migration/V2__pipe.sql", "not a regular file (a pipe, socket or"
                + " device)")), snapshot.skipped());
        assertEquals("not a regular file", assertThrows(UnreadableFile.class,
                () -> snapshot.read("db/migration/V2__pipe.sql")).reason());
        assertTrue(snapshot.files().stream().noneMatch(f -> f.endsWith("pipe.sql")));
    }

    @Test
    void aFileWhoseNameIsNotValidUtf8IsListedAndRead() throws IOException, InterruptedException {
        Path root = root();
        // Java cannot write such a name itself: the shell writes the byte 0xE9 as it is.
        Process touch = new ProcessBuilder("sh", "-c", "printf 'SELECT id FROM person' > \"$(printf 'Caf\\351.sql')\"")
                .directory(root.toFile()).start();
        assertEquals(0, touch.waitFor());
        DirectorySnapshot snapshot = DirectorySnapshot.of(root);
        String name = snapshot.files().stream().filter(f -> f.startsWith("Caf")).findFirst().orElseThrow();

        assertEquals("SELECT id FROM person", snapshot.read(name));
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
