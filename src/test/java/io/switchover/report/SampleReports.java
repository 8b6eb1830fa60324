package io.switchover.report;

import io.switchover.check.CheckOptions;
import io.switchover.check.CheckRequest;
import io.switchover.check.RequestResolver;
import io.switchover.check.SwitchoverCheck;
import io.switchover.replay.H2Engine;
import io.switchover.rules.Severity;
import io.switchover.snapshot.DirectorySnapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sample stories' reports, checked once per test run on H2 and shared by the tests of every consumer: a FAIL with
 * a split (alice-to-brian deploy-1 -> deploy-5), a PASS (deploy-4 -> deploy-5), a WARN (jooq-rename-table deploy-0 ->
 * deploy-1: on H2, the old INSERT through a view cannot be checked), a FAIL of another service (shared-database, with
 * its switchover.yml) and a FAIL of mentions (format-over-constants deploy-0 -> deploy-2), and a FAIL with a promotion plan (alice-to-brian deploy-0 -> deploy-5 through
 * its recorded deployments).
 */
final class SampleReports {
    private static final Path SAMPLES = Path.of("sample-migrations");
    private static final Map<String, Report> CACHE = new ConcurrentHashMap<>();

    private SampleReports() {
    }

    static Report failing() {
        return of("alice-to-brian", "deploy-1", "deploy-5");
    }

    static Report passing() {
        return of("alice-to-brian", "deploy-4", "deploy-5");
    }

    static Report warning() {
        return of("jooq-rename-table", "deploy-0", "deploy-1");
    }

    static Report mentions() {
        return of("format-over-constants", "deploy-0", "deploy-2");
    }

    /** person-service promoted while newsletter-service, another team's, keeps running on the same database. */
    static Report sharedDatabase() {
        return CACHE.computeIfAbsent("shared-database", key -> {
            Path story = SAMPLES.resolve("shared-database").toAbsolutePath();
            CheckOptions options = CheckOptions.builder().production(story.resolve("deploy-1/person-service").toString())
                    .candidate(story.resolve("deploy-2/person-service").toString())
                    .config(story.resolve("switchover.yml")).workingDirectory(story).build();
            try (RequestResolver resolver = new RequestResolver(options)) {
                return new SwitchoverCheck().run(resolver.resolve(new H2Engine(), Severity.ERROR));
            }
        });
    }

    /** alice-to-brian deploy-0 -> deploy-5 planned through deploy-1 to deploy-4, the seed's way out. */
    static Report planned() {
        return CACHE.computeIfAbsent("alice-to-brian/plan", key -> {
            Path root = SAMPLES.resolve("alice-to-brian");
            CheckRequest simple = CheckRequest.of(DirectorySnapshot.of(root.resolve("deploy-0")),
                    DirectorySnapshot.of(root.resolve("deploy-5")), List.of(), List.of(), new H2Engine(), Severity.ERROR);
            List<io.switchover.snapshot.Snapshot> between = java.util.stream.IntStream.rangeClosed(1, 4)
                    .mapToObj(i -> (io.switchover.snapshot.Snapshot) DirectorySnapshot.of(root.resolve("deploy-" + i)))
                    .toList();
            return new SwitchoverCheck().run(simple.withServices(List.of(simple.services().get(0)
                    .withIntermediates(between))));
        });
    }

    static List<Report> all() {
        return List.of(failing(), passing(), warning(), mentions(), sharedDatabase(), planned());
    }

    static Report of(String story, String prod, String candidate) {
        return CACHE.computeIfAbsent(story + "/" + prod + "/" + candidate, key -> {
            Path root = SAMPLES.resolve(story);
            return new SwitchoverCheck().run(CheckRequest.of(DirectorySnapshot.of(root.resolve(prod)),
                    DirectorySnapshot.of(root.resolve(candidate)), List.of(), List.of(), new H2Engine(), Severity.ERROR));
        });
    }
}
