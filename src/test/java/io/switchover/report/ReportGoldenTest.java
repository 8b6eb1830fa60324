package io.switchover.report;

import io.switchover.check.CheckRequest;
import io.switchover.check.SwitchoverCheck;
import io.switchover.replay.H2Engine;
import io.switchover.rules.Severity;
import io.switchover.snapshot.DirectorySnapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The renderings of the sample stories, compared with golden files under {@code src/test/resources/golden/}. After a
 * deliberate change of the output, regenerate them with {@code mvn test -Dtest=ReportGoldenTest -Dgolden.update=true}
 * and review the diff.
 */
class ReportGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    /** The formats scripts read: byte for byte the same from run to run. */
    private static final java.util.Set<String> FOR_SCRIPTS = java.util.Set.of("json", "sarif");

    @ParameterizedTest(name = "{0} {1} -> {2} as {3}")
    @CsvSource({
            "alice-to-brian, deploy-1, deploy-5, text",
            "alice-to-brian, deploy-1, deploy-5, json",
            "alice-to-brian, deploy-4, deploy-5, text",
            "order-currency, deploy-0, deploy-1, text",
            "order-currency, deploy-0, deploy-1, json",
            "alice-to-brian, deploy-1, deploy-5, markdown",
            "alice-to-brian, deploy-1, deploy-5, html",
            "alice-to-brian, deploy-1, deploy-5, junit",
            "alice-to-brian, deploy-4, deploy-5, junit",
            "alice-to-brian, deploy-1, deploy-5, sarif"})
    void rendersTheSampleStoryAsTheGoldenFileSays(String story, String prod, String candidate, String format)
            throws IOException {
        Path root = Path.of("sample-migrations", story);
        Report report = new SwitchoverCheck().run(CheckRequest.of(DirectorySnapshot.of(root.resolve(prod)),
                DirectorySnapshot.of(root.resolve(candidate)), List.of(), List.of(), new H2Engine(), Severity.ERROR));
        String written = ReportFormat.parse(format).writer().render(report);
        String rendered = FOR_SCRIPTS.contains(format) ? written : withoutTimings(written);

        Path golden = GOLDEN.resolve(story + "_" + prod + "_" + candidate + "." + format);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), rendered);
    }

    /**
     * The time a check took, in the reports for people and CI (text, markdown, HTML, JUnit), differs from run to run;
     * everything else must not. The JSON and SARIF reports carry no time and are compared as they are.
     */
    private static String withoutTimings(String rendered) {
        return rendered.replaceAll(" in \\d+\\.\\d s([;.])", " in #.# s$1")
                .replaceAll("time=\"[0-9.]+\"", "time=\"#\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"json", "sarif"})
    void aReportForScriptsIsTheSameByteForByteFromRunToRun(String format) {
        Path root = Path.of("sample-migrations", "alice-to-brian");
        CheckRequest request = CheckRequest.of(DirectorySnapshot.of(root.resolve("deploy-1")),
                DirectorySnapshot.of(root.resolve("deploy-5")), List.of(), List.of(), new H2Engine(), Severity.ERROR);
        ReportWriter writer = ReportFormat.parse(format).writer();

        String first = writer.render(new SwitchoverCheck().run(request));
        String second = writer.render(new SwitchoverCheck().run(request));

        assertEquals(first, second);
    }
}
