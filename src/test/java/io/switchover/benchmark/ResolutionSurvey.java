package io.switchover.benchmark;

import io.switchover.check.ServicePatterns;
import io.switchover.patterns.ServiceSourceScanner;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.snapshot.GitRepository;
import io.switchover.snapshot.Snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How much of real services' SQL the extraction resolves (issue 13's measure): for each checkout of a list, the
 * extraction {@code switchover patterns} runs, and a table of statements, places not checked, % resolved
 * (statements / (statements + not checked)) and the places not checked counted by kind.
 *
 * <pre>mvn -o -q test-compile exec:java -Dexec.mainClass=io.switchover.benchmark.ResolutionSurvey
 *     -Dexec.classpathScope=test -Dexec.args="services.tsv"</pre>
 * The list is tab-separated: name, git dir (relative to the list's folder, or absolute), ref, source roots separated
 * by commas, and the migrations' locations as {@code --migrations} gives them (separated by commas; none: where
 * Flyway finds them without). With a second argument, every place not checked is also written to that file, one a line: service,
 * kind, file:line, reason, fragment (tab-separated). Not part of the test suite.
 */
public final class ResolutionSurvey {

    private ResolutionSurvey() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ResolutionSurvey <services.tsv> [<places.tsv>]");
            System.exit(2);
        }
        Path list = Path.of(args[0]).toAbsolutePath();
        List<ServiceResolution> rows = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (SurveyEntry entry : SurveyEntry.parse(Files.readAllLines(list), list.getParent())) {
            long start = System.nanoTime();
            ExtractionResult result = extract(entry);
            rows.add(ServiceResolution.of(entry.name(), entry.ref(), result));
            result.notChecked().forEach(place -> places.add(placeLine(entry.name(), place)));
            System.err.printf("%s %s: %d ms%n", entry.name(), entry.ref(), (System.nanoTime() - start) / 1_000_000);
        }
        System.out.print(ResolutionTable.render(rows));
        if (args.length == 2) {
            Files.write(Path.of(args[1]), places);
        }
    }

    /** What {@code switchover patterns --repo <git dir> --at git:<ref> --sources <roots> --migrations <locations>} lists. */
    static ExtractionResult extract(SurveyEntry entry) {
        try (GitRepository repository = GitRepository.open(entry.gitDir())) {
            Snapshot snapshot = repository.at(entry.ref());
            return new ServiceSourceScanner().scan(snapshot, entry.sourceRoots(),
                    ServicePatterns.migrationsOf(snapshot, entry.migrations()));
        }
    }

    static String placeLine(String service, UnresolvedSql place) {
        return String.join("\t", service, UnresolvedKind.of(place).label(),
                place.origin().path() + ":" + place.origin().line(), oneLine(place.reason()), oneLine(place.fragment()));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
