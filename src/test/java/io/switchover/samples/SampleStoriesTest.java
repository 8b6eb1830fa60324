package io.switchover.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchover.check.CheckOptions;
import io.switchover.check.CheckRequest;
import io.switchover.check.RequestResolver;
import io.switchover.check.SwitchoverCheck;
import io.switchover.replay.H2Engine;
import io.switchover.report.Report;
import io.switchover.rules.Finding;
import io.switchover.rules.Severity;
import io.switchover.snapshot.DirectorySnapshot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every sample story is a golden test: each case of its {@code expectations.json} is checked on H2, and the verdict
 * and the exact error findings (rule, migration, origin) must match.
 */
class SampleStoriesTest {
    private static final Path SAMPLES = Path.of("sample-migrations");

    @TestFactory
    Stream<DynamicTest> everyStoryMeetsItsExpectations() throws IOException {
        List<Path> stories;
        try (Stream<Path> list = Files.list(SAMPLES)) {
            stories = list.filter(p -> Files.exists(p.resolve("expectations.json"))).sorted().toList();
        }
        assertFalse(stories.isEmpty(), "no sample story with an expectations.json under " + SAMPLES);
        List<DynamicTest> tests = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (Path story : stories) {
            for (JsonNode expected : mapper.readTree(story.resolve("expectations.json").toFile()).get("cases")) {
                String prod = expected.get("prod").asText();
                String candidate = expected.get("candidate").asText();
                tests.add(DynamicTest.dynamicTest(story.getFileName() + ": " + prod + " -> " + candidate,
                        () -> check(story, prod, candidate, expected)));
            }
        }
        return tests.stream();
    }

    private static void check(Path story, String prod, String candidate, JsonNode expected) {
        Report report = new SwitchoverCheck().run(request(story, prod, candidate, expected));

        List<String> wanted = new ArrayList<>();
        expected.get("findings").forEach(f -> wanted.add(f.get("rule").asText() + " " + f.get("migration").asText()
                + " " + (f.has("service") ? f.get("service").asText() + ":" : "") + f.get("origin").asText()));
        List<String> actual = report.findingsAtOrAbove(Severity.ERROR).stream()
                .map(f -> describe(f, expected.get("findings").toString().contains("\"service\""))).toList();

        assertEquals(wanted.stream().sorted().toList(), actual.stream().sorted().toList(), "error findings");
        assertEquals(expected.get("verdict").asText(), report.verdict().name(), "verdict");
    }

    /** A case with a {@code config} runs as the command line would with --config; others as the simple form. */
    private static CheckRequest request(Path story, String prod, String candidate, JsonNode expected) {
        if (!expected.has("config")) {
            return CheckRequest.of(DirectorySnapshot.of(story.resolve(prod)),
                    DirectorySnapshot.of(story.resolve(candidate)), List.of(), List.of(), new H2Engine(), Severity.ERROR);
        }
        CheckOptions options = new CheckOptions(Optional.of(prod), Optional.of(candidate), Optional.empty(), List.of(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Path.of(expected.get("config").asText())), Optional.empty(), Optional.empty(), List.of(),
                story.toAbsolutePath(), Map.of());
        try (RequestResolver resolver = new RequestResolver(options)) {
            return resolver.resolve(new H2Engine(), Severity.ERROR);
        }
    }

    private static String describe(Finding finding, boolean withService) {
        return finding.rule() + " " + (finding.migration() == null ? "-" : finding.migration().script()) + " "
                + (withService && finding.service() != null ? finding.service() + ":" : "")
                + (finding.pattern() == null ? "-" : finding.pattern().origin());
    }
}
