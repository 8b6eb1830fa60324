package io.switchover.replay;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the next run may remove of embedded PostgreSQL's data directories: only directories it made, only once their
 * owner is gone, and it stops no process but the server of that very directory. (The kill tests in InterruptedRunIT
 * show the whole way, with a real server left running by a killed run.)
 */
class EmbeddedDataDirectoriesTest {
    @TempDir
    Path temp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aClaimedDirectoryIsNamedForItsOwnerLockedAndDeletedWhole() throws IOException {
        EmbeddedDataDirectories directories = new EmbeddedDataDirectories(temp.resolve("root"));
        EmbeddedDataDirectories.Claimed claimed = directories.claim();
        Files.createDirectories(claimed.data().resolve("base"));

        assertEquals(ReplayOwner.current(), EmbeddedDataDirectories.ownerOf(claimed.directory()).orElseThrow());
        assertEquals(List.of(), directories.removeLeftovers(), "its owner, this JVM, is alive");
        assertTrue(Files.exists(claimed.data().resolve("base")));

        claimed.delete();
        assertFalse(Files.exists(claimed.directory()));
    }

    @Test
    void leavesWhatSwitchoverDidNotMakeAndWhatALiveOwnerHolds() throws Exception {
        Path root = temp.resolve("root");
        Path foreign = Files.createDirectories(root.resolve("epg1234567"));
        Path alike = Files.createDirectories(root.resolve("1-2-notours"));
        Process live = start("sleep", "30");
        Path ofLiveOwner = Files.createDirectories(root.resolve(nameFor(live)));
        Path lockedByAnother = Files.createDirectories(root.resolve(nameFor(ended())));

        try (FileChannel lock = FileChannel.open(lockedByAnother.resolve("owner.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock held = lock.lock();
            assertEquals(List.of(), new EmbeddedDataDirectories(root).removeLeftovers());
            held.release();
        }

        for (Path kept : List.of(foreign, alike, ofLiveOwner, lockedByAnother)) {
            assertTrue(Files.isDirectory(kept), kept + " stays");
        }
    }

    @Test
    void removesTheDirectoryOfAnOwnerThatIsGoneButStopsNoProcessThatIsNotItsServer() throws Exception {
        Path root = temp.resolve("root");
        Path leftover = Files.createDirectories(root.resolve(nameFor(ended())).resolve("data"));
        // postmaster.pid names a process called postgres, but it is no server of this directory
        Path fakePostgres = Files.copy(Path.of("/bin/sleep"), temp.resolve("postgres"), StandardCopyOption.COPY_ATTRIBUTES);
        Process impostor = start(fakePostgres.toString(), "30");
        Files.writeString(leftover.resolve("postmaster.pid"), impostor.pid() + "\n" + leftover + "\n0\n5432\n");

        List<String> notes = new EmbeddedDataDirectories(root).removeLeftovers();

        assertTrue(impostor.isAlive(), "a process that is not that directory's server is never stopped");
        assertFalse(Files.exists(leftover.getParent()), "the directory of a gone owner is removed");
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("removed its data directory " + leftover.getParent() + ", left behind by"
                + " a switchover run that was killed (pid "), notes.get(0));
    }

    private Process start(String... command) throws IOException {
        Process process = new ProcessBuilder(command).start();
        started.add(process);
        return process;
    }

    private static Process ended() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        return process;
    }

    private static String nameFor(Process owner) {
        long started = owner.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return owner.pid() + "-" + started + "-0123456789ab";
    }
}
