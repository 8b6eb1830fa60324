package io.switchover.replay;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The process that made a replay database or data directory: its host, pid and start time. The start time tells the
 * owner from a later process that was given the same pid after the owner died.
 */
record ReplayOwner(String host, long pid, Optional<Instant> started) {
    /** How far two readings of one process's start time may differ (the kernel derives it from the boot time). */
    private static final Duration SAME_START = Duration.ofSeconds(1);

    /** This JVM. */
    static ReplayOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new ReplayOwner(localHost(), self.pid(), startOf(self));
    }

    static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /**
     * Whether this owner provably still runs: it is on this host and a process with its pid lives, started when the
     * owner did (where both start times are known). False says nothing about an owner on another host.
     */
    boolean aliveHere() {
        if (!host.equals(localHost())) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        Optional<Instant> now = startOf(process.get());
        return started.isEmpty() || now.isEmpty()
                || Duration.between(started.get(), now.get()).abs().compareTo(SAME_START) <= 0;
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant().map(start -> start.truncatedTo(ChronoUnit.MILLIS));
    }
}
