package io.switchover.replay;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The mark on a replay database: written and read back, older versions' marks read too, anything else not ours. */
class ServerMarkTest {
    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void readsBackWhatItWrites() {
        ServerMark mark = new ServerMark(CREATED, new ReplayOwner("ci-7", 4242,
                Optional.of(Instant.parse("2026-01-02T03:03:59.120Z"))), Optional.of("123456789"));

        assertEquals("switchover replay database; created=2026-01-02T03:04:05Z; pid=4242;"
                + " started=2026-01-02T03:03:59.120Z; host=ci-7; lock=123456789", mark.text());
        assertEquals(Optional.of(mark), ServerMark.read(mark.text()));
        assertFalse(ServerMark.read(new ServerMark(CREATED, ReplayOwner.current(), Optional.of("1")).text()).isEmpty());
        assertFalse(mark.text().contains("'"), "the mark goes into SQL string literals");
    }

    @Test
    void readsTheMarksOfOlderVersionsWhichHoldNoLock() {
        assertEquals(Optional.of(new ServerMark(CREATED, new ReplayOwner("h", 1, Optional.empty()), Optional.empty())),
                ServerMark.read("switchover replay database; created=2026-01-02T03:04:05Z; pid=1; host=h"));
    }

    @Test
    void anyOtherCommentIsNotAMark() {
        assertEquals(Optional.empty(), ServerMark.read(null));
        assertEquals(Optional.empty(), ServerMark.read("created=2001-01-01T00:00:00Z; pid=1; host=h"));
        assertEquals(Optional.empty(), ServerMark.read("switchover replay database; created=yesterday; pid=1; host=h"));
        assertEquals(Optional.empty(), ServerMark.read("switchover replay database; created=2026-01-02T03:04:05Z"));
    }
}
