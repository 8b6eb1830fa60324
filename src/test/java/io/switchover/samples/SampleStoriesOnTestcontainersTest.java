package io.switchover.samples;

import io.switchover.replay.TestcontainersEngine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample stories on PostgreSQL in a container; skipped where there is no Docker (this machine has none). */
@Testcontainers(disabledWithoutDocker = true)
class SampleStoriesOnTestcontainersTest {

    @TestFactory
    Stream<DynamicTest> everyStoryMeetsItsExpectationsInAPostgresContainer() {
        return SampleStories.on("postgres", new TestcontainersEngine(TestcontainersEngine.DEFAULT_IMAGE), report ->
                assertTrue(report.engine().contains("in Testcontainers (postgres:16)"), report.engine()));
    }
}
