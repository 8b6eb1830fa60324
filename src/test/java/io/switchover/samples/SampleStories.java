package io.switchover.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchover.check.CheckOptions;
import io.switchover.check.CheckRequest;
import io.switchover.check.RequestResolver;
import io.switchover.check.SwitchoverCheck;
import io.switchover.replay.ReplayEngine;
import io.switchover.report.Report;
import io.switchover.rules.Finding;
import io.switchover.rules.Severity;
import io.switchover.snapshot.DirectorySnapshot;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample stories as golden tests on any engine: each case of a story's {@code expectations.json}, its verdict
 * and its exact error findings (rule, migration, origin). A story may say which engines it needs ({@code "engines":
 * ["postgres"]}: PostgreSQL only; ["h2", "postgres"]: not MariaDB, whose SQL differs); without it, every engine must
 * give the same result.
 */
final class SampleStories {
    private static final Path SAMPLES = Path.of("sample-migrations");

    /** One case of one story. {@code engines} is empty when the story runs anywhere. */
    record Case(Path story, String prod, String candidate, JsonNode expected, List<String> engines) {
        String name() {
            return story.getFileName() + ": " + prod + " -> " + candidate
                    + (expected.has("config") ? " with " + expected.get("config").asText() : "")
                    + (withClasspath() ? " with --classpath" : "");
        }

        /** Whether the check gets the built artifacts of both versions (their Java sources, compiled by the test). */
        boolean withClasspath() {
            return expected.path("classpath").asBoolean(false);
        }

        boolean runsOn(String family) {
            return engines.isEmpty() || engines.contains(family);
        }
    }

    private SampleStories() {
    }

    static List<Case> all() {
        List<Path> stories;
        try (Stream<Path> list = Files.list(SAMPLES)) {
            stories = list.filter(p -> Files.exists(p.resolve("expectations.json"))).sorted().toList();
            ObjectMapper mapper = new ObjectMapper();
            List<Case> cases = new ArrayList<>();
            for (Path story : stories) {
                JsonNode root = mapper.readTree(story.resolve("expectations.json").toFile());
                List<String> engines = new ArrayList<>();
                if (root.has("engines")) {
                    root.get("engines").forEach(e -> engines.add(e.asText()));
                }
                for (JsonNode expected : root.get("cases")) {
                    cases.add(new Case(story, expected.get("prod").asText(), expected.get("candidate").asText(),
                            expected, List.copyOf(engines)));
                }
            }
            assertFalse(cases.isEmpty(), "no sample story with an expectations.json under " + SAMPLES);
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One dynamic test per case that runs on {@code family}, checked on {@code engine}. */
    static Stream<DynamicTest> on(String family, ReplayEngine engine, Consumer<Report> more) {
        return on(c -> c.runsOn(family), engine, more);
    }

    static Stream<DynamicTest> on(Predicate<Case> which, ReplayEngine engine, Consumer<Report> more) {
        return all().stream().filter(which)
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> more.accept(check(c, engine))));
    }

    static Report check(Case c, ReplayEngine engine) {
        Report report = new SwitchoverCheck().run(request(c, engine));

        List<String> wanted = new ArrayList<>();
        c.expected().get("findings").forEach(f -> wanted.add(f.get("rule").asText() + " " + f.get("migration").asText()
                + " " + (f.has("service") ? f.get("service").asText() + ":" : "") + f.get("origin").asText()));
        boolean withService = c.expected().get("findings").toString().contains("\"service\"");
        List<String> actual = report.findingsAtOrAbove(Severity.ERROR).stream()
                .map(f -> describe(f, withService)).toList();

        assertEquals(wanted.stream().sorted().toList(), actual.stream().sorted().toList(),
                "error findings on " + report.engine());
        assertEquals(c.expected().get("verdict").asText(), report.verdict().name(), "verdict on " + report.engine());
        if (c.expected().has("warnings")) {
            // A story that is about a warning lists its warnings too, each with a few words of its message.
            List<String> warned = new ArrayList<>();
            c.expected().get("warnings").forEach(w -> warned.add(w.get("rule").asText() + " "
                    + w.get("migration").asText() + " " + w.get("origin").asText()));
            List<Finding> warnings = report.findings().stream().filter(f -> f.severity() == Severity.WARNING).toList();
            assertEquals(warned.stream().sorted().toList(), warnings.stream().map(f -> describe(f, false)).sorted()
                    .toList(), "warnings on " + report.engine());
            c.expected().get("warnings").forEach(w -> {
                String origin = w.get("origin").asText();
                String saying = w.path("saying").asText("");
                assertTrue(warnings.stream().anyMatch(f -> describe(f, false).endsWith(" " + origin)
                        && f.message().contains(saying)), "the warning at " + origin + " says: " + saying);
            });
        }
        if (c.expected().has("plan")) {
            List<String> plan = new ArrayList<>();
            c.expected().get("plan").forEach(version -> plan.add(version.asText()));
            assertEquals(plan, report.plan().orElseThrow().promotions().stream().map(p -> p.to().name()).toList(),
                    "the versions the plan deploys, on " + report.engine());
            assertEquals(c.expected().path("planComplete").asBoolean(true), report.plan().get().complete());
        }
        return report;
    }

    /**
     * A case with a {@code config} runs as the command line would with --config; others as the simple form, with
     * {@code --classpath} and {@code --prod-classpath} when the case says {@code "classpath": true}.
     */
    static CheckRequest request(Case c, ReplayEngine engine) {
        if (c.expected().has("states")) {
            // A case with recorded states: the folders between prod and candidate, in their order, as --states dirs:
            CheckRequest simple = CheckRequest.of(DirectorySnapshot.of(c.story().resolve(c.prod())),
                    DirectorySnapshot.of(c.story().resolve(c.candidate())), List.of(), List.of(), engine, Severity.ERROR);
            List<io.switchover.snapshot.Snapshot> between = new ArrayList<>();
            c.expected().get("states").forEach(d -> between.add(DirectorySnapshot.of(c.story().resolve(d.asText()))));
            return simple.withServices(List.of(simple.services().get(0).withIntermediates(between)));
        }
        if (!c.expected().has("config")) {
            CheckRequest request = CheckRequest.of(DirectorySnapshot.of(c.story().resolve(c.prod())),
                    DirectorySnapshot.of(c.story().resolve(c.candidate())), List.of(), List.of(), engine, Severity.ERROR);
            return c.withClasspath() ? request.withClasspaths(new CheckRequest.Classpaths(
                    Optional.of(BuiltArtifacts.jarOf(c.story().resolve(c.candidate()))),
                    Optional.of(BuiltArtifacts.jarOf(c.story().resolve(c.prod()))))) : request;
        }
        // From the project's root, as the story's README runs it: the configuration is the pipeline's, outside the
        // deploy-N folders the candidate is read from.
        CheckOptions options = CheckOptions.builder().production(c.story().resolve(c.prod()).toString())
                .candidate(c.story().resolve(c.candidate()).toString())
                .config(c.story().resolve(c.expected().get("config").asText())).build();
        try (RequestResolver resolver = new RequestResolver(options)) {
            return resolver.resolve(engine, Severity.ERROR);
        }
    }

    private static String describe(Finding finding, boolean withService) {
        return finding.rule() + " " + (finding.migration() == null ? "-" : finding.migration().script()) + " "
                + (withService && finding.service() != null ? finding.service() + ":" : "")
                + (finding.pattern() == null ? "-" : finding.pattern().origin());
    }
}
