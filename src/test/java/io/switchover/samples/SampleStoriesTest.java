package io.switchover.samples;

import io.switchover.replay.H2Engine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * Every sample story is a golden test: each case of its {@code expectations.json} is checked on H2, and the verdict
 * and the exact error findings (rule, migration, origin) must match. Stories that need PostgreSQL run in
 * {@link SampleStoriesOnOtherEnginesTest}.
 */
class SampleStoriesTest {

    @TestFactory
    Stream<DynamicTest> everyStoryMeetsItsExpectations() {
        return SampleStories.on("h2", new H2Engine(), report -> { });
    }
}
