package io.switchover.replay;

import org.junit.jupiter.api.Test;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An owner is alive only where it provably is: this host, its pid, its start time. */
class ReplayOwnerTest {

    @Test
    void thisProcessIsAlive() {
        assertTrue(ReplayOwner.current().aliveHere());
        assertTrue(ReplayOwner.current().started().isPresent(), "Linux gives every process its start time");
    }

    @Test
    void aProcessThatEndedIsNot() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        assertTrue(ended.waitFor(10, TimeUnit.SECONDS));

        assertFalse(new ReplayOwner(ReplayOwner.localHost(), ended.pid(), Optional.empty()).aliveHere());
    }

    @Test
    void anotherProcessGivenTheSamePidIsNot() {
        ReplayOwner self = ReplayOwner.current();

        assertFalse(new ReplayOwner(self.host(), self.pid(),
                Optional.of(self.started().orElseThrow().minus(1, ChronoUnit.HOURS))).aliveHere());
    }

    @Test
    void anOwnerOnAnotherHostIsNeverProvablyAliveHere() {
        ReplayOwner self = ReplayOwner.current();

        assertFalse(new ReplayOwner("elsewhere", self.pid(), self.started()).aliveHere());
    }
}
