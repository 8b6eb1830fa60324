package io.switchover.samples;

import io.switchover.check.SwitchoverCheck;
import io.switchover.patterns.ExtractionCache;
import io.switchover.replay.BaselineCache;
import io.switchover.replay.H2Engine;
import io.switchover.report.Report;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sample story's case, checked with an empty extraction cache and again from it: the SQL read back from the
 * cache gives the same report (findings, places not checked, warnings, what each version covers, the advice), and the
 * notes say that it came from there.
 */
class SampleStoriesFromTheExtractionCacheTest {
    private static final String FROM_CACHE = "from the extraction cache";

    @TempDir
    Path cache;

    @TestFactory
    Stream<DynamicTest> everyStoryReadsTheSameFromTheCache() {
        H2Engine h2 = new H2Engine();
        return SampleStories.all().stream().filter(c -> c.runsOn("h2")).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            // Two cases may share a name (one of them planned through recorded states): a folder of each one's own.
            Path folder = java.nio.file.Files.createTempDirectory(cache, "case");
            SwitchoverCheck check = new SwitchoverCheck(BaselineCache.none(), ExtractionCache.at(folder, 1L << 30));
            Report cold = check.run(SampleStories.request(c, h2));
            Report warm = check.run(SampleStories.request(c, h2));

            assertFalse(cold.notes().stream().anyMatch(note -> note.contains(FROM_CACHE)), cold.notes().toString());
            assertTrue(warm.notes().stream().anyMatch(note -> note.contains(FROM_CACHE)), warm.notes().toString());
            assertEquals(cold.verdict(), warm.verdict());
            assertEquals(cold.findings().toString(), warm.findings().toString());
            assertEquals(cold.notChecked(), warm.notChecked());
            assertEquals(cold.warnings(), warm.warnings());
            assertEquals(cold.coverage().toString(), warm.coverage().toString());
            assertEquals(cold.fewestHeld().toString(), warm.fewestHeld().toString());
            assertEquals(cold.plan().isPresent(), warm.plan().isPresent());
        }));
    }
}
