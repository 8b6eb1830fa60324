package io.switchover.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops the PostgreSQL server still running in a data directory: the process that the directory's
 * {@code postmaster.pid} names, once it is sure that process is a {@code postgres} serving exactly that directory (a
 * pid in a stale file may since have been given to anything). Immediate shutdown (SIGQUIT, what {@code pg_ctl stop -m
 * immediate} sends): the postmaster ends its backends and frees its shared memory; SIGKILL only if it does not stop.
 */
final class PostmasterStopper {
    private static final long PATIENCE_SECONDS = 10;

    private PostmasterStopper() {
    }

    /**
     * @return the pid of the postmaster it stopped; empty when none was running there
     * @throws IOException when a live process is named that cannot be told to be that server or would not stop
     */
    static Optional<Long> stopIn(Path data) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.isEmpty() ? "" : lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty(); // written halfway: the server never got as far as running
        }
        Optional<ProcessHandle> named = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle process = named.get();
        Optional<String> command = process.info().command();
        Optional<String[]> arguments = process.info().arguments();
        if (command.isEmpty() || arguments.isEmpty()) {
            throw new IOException("cannot tell whether process " + pid + ", named in " + data.resolve("postmaster.pid")
                    + ", is the PostgreSQL server of that directory");
        }
        String directory = data.toAbsolutePath().normalize().toString();
        boolean postgres = Path.of(command.get()).getFileName().toString().toLowerCase(Locale.ROOT)
                .matches("postgres(\\.exe)?");
        if (!postgres || !List.of(arguments.get()).contains(directory)
                || lines.size() < 2 || !lines.get(1).strip().equals(directory)) {
            return Optional.empty(); // the pid went to another process after that server ended
        }
        stop(process);
        return Optional.of(pid);
    }

    private static void stop(ProcessHandle postmaster) throws IOException {
        if (immediateShutdown(postmaster) && ended(postmaster)) {
            return;
        }
        postmaster.destroyForcibly();
        if (!ended(postmaster)) {
            throw new IOException("the PostgreSQL server " + postmaster.pid() + " did not stop");
        }
    }

    /** Sends SIGQUIT, which Java cannot send itself; false where there is no kill command (Windows). */
    private static boolean immediateShutdown(ProcessHandle postmaster) throws IOException {
        Process kill;
        try {
            kill = new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException noKillCommand) {
            return false;
        }
        try {
            if (!kill.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the PostgreSQL server " + postmaster.pid(), e);
        }
        return kill.exitValue() == 0;
    }

    private static boolean ended(ProcessHandle process) throws IOException {
        try {
            process.onExit().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the PostgreSQL server " + process.pid(), e);
        }
    }
}
