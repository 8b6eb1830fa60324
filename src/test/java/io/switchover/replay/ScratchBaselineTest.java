package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchPlanner;
import io.switchover.migrations.MigrationReader;
import io.switchover.snapshot.InMemorySnapshot;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.Timeline;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScratchBaselineTest {
    private static final ProbeStatement INSERT = new ProbeStatement("INSERT INTO person (id, alice) VALUES (?, ?)",
            List.of("person"), List.of("person.id", "person.alice"));

    private final InMemorySnapshot prod = new InMemorySnapshot("deploy-1")
            .with("db/migration/V1__create_person.sql",
                    "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100));")
            .with("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);");
    private final InMemorySnapshot candidate = prod.next("deploy-5")
            .with("db/migration/V3__copy_alice_to_brian.sql", "UPDATE person SET brian = alice WHERE brian IS NULL;")
            .with("db/migration/V4__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;");

    private Batch batch() {
        MigrationReader reader = new MigrationReader();
        return new BatchPlanner().plan(reader.read(prod, List.of()), reader.read(candidate, List.of()));
    }

    @Test
    void aSecondReplayOfOneCheckStartsFromTheFirstOnesS0AndNothingIsLeftOrSaid() throws IOException {
        Path folder;
        Timeline first;
        Timeline second;
        try (ScratchBaseline scratch = ScratchBaseline.open()) {
            folder = scratch.folder();
            TimelineReplayer replayer = new TimelineReplayer(new H2Engine(), scratch.cache());
            first = replayer.replay(batch(), List.of(INSERT));
            assertEquals(1, scripts(folder), "S0 kept after the first replay");
            second = replayer.replay(batch(), List.of(INSERT));
        }

        assertFalse(Files.exists(folder), "the scratch folder goes with the check");
        for (Timeline timeline : List.of(first, second)) {
            assertTrue(timeline.notes().stream().noneMatch(note -> note.contains("cache")), timeline.notes().toString());
            assertTrue(timeline.initial().outcomes().get(0).passed());
            assertFalse(timeline.states().get(2).outcomes().get(0).passed(), "the INSERT of alice breaks at V4");
        }
        assertEquals(first.states().get(2).outcomes().get(0).error(), second.states().get(2).outcomes().get(0).error());
    }

    @Test
    void theNextCheckRemovesWhatAKilledRunLeftAndNothingOfALiveOne() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        Path left = Files.createTempDirectory(temp, "switchover-s0-" + gone.pid() + "-0-");
        Files.writeString(left.resolve("s0.sql"), "CREATE TABLE person (id BIGINT);");
        try (ScratchBaseline live = ScratchBaseline.open()) {
            ScratchBaseline.removeLeftovers();

            assertFalse(Files.exists(left), "the dead run's folder goes");
            assertTrue(Files.isDirectory(live.folder()), "a live run's stays");
        }
    }

    private static long scripts(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().equals("s0.sql")).count();
        }
    }
}
