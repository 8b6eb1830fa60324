package io.switchover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchover.check.CheckRequest;
import io.switchover.check.SwitchoverCheck;
import io.switchover.replay.H2Engine;
import io.switchover.report.Report;
import io.switchover.report.ReportFormat;
import io.switchover.rules.Severity;
import io.switchover.snapshot.DirectorySnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the report goes in a pipeline: every format from one check, GitHub Actions' annotations and summary. */
class ReportOutputTest {
    private static final Path STORY = Path.of("sample-migrations/alice-to-brian");
    private static final Report FAILING = new SwitchoverCheck().run(CheckRequest.of(
            DirectorySnapshot.of(STORY.resolve("deploy-1")), DirectorySnapshot.of(STORY.resolve("deploy-5")), List.of(),
            List.of(), new H2Engine(), Severity.ERROR));
    private final ObjectMapper json = new ObjectMapper();

    private record Streams(String out, String err) {
    }

    private static Streams write(ReportOutput output) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        output.write(FAILING, new PrintWriter(out), new PrintWriter(err));
        return new Streams(out.toString(), err.toString());
    }

    @Test
    void outputDirHoldsEveryFormatOfOneCheckAndStdoutKeepsItsOwn(@TempDir Path dir) throws Exception {
        CommandLineRun run = CommandLineRun.of("check", "--prod", STORY.resolve("deploy-1").toString(), "--candidate",
                STORY.resolve("deploy-5").toString(), "--format", "json", "--output-dir", dir.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("FAIL", json.readTree(run.out()).get("verdict").asText());
        for (ReportFormat format : ReportFormat.values()) {
            Path file = dir.resolve(format.fileName());
            assertTrue(Files.size(file) > 0, file.toString());
        }
        json.readTree(dir.resolve("report.json").toFile());
        json.readTree(dir.resolve("report.sarif").toFile());
        json.readTree(dir.resolve("gl-code-quality-report.json").toFile());
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("report.junit.xml").toFile());
        assertTrue(Files.readString(dir.resolve("report.html")).startsWith("<!DOCTYPE html>"));
        assertTrue(Files.readString(dir.resolve("report.txt")).startsWith("FAIL  promoting deploy-5"));
    }

    @Test
    void underGitHubActionsAnnotationsGoToStderrWhenStdoutCarriesJsonAndTheSummaryGetsMarkdown(@TempDir Path dir)
            throws Exception {
        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "earlier step\n");
        Streams streams = write(new ReportOutput(ReportFormat.JSON, null, null, 0, false,
                Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString())));

        JsonNode parsed = json.readTree(streams.out());
        assertEquals("FAIL", parsed.get("verdict").asText());
        List<String> annotations = streams.err().lines().toList();
        assertEquals(FAILING.findings().size(), annotations.size(), streams.err());
        assertTrue(annotations.get(0).startsWith("::error file=db/migration/V4__drop_alice.sql,line=3,title=switchover"
                + " expand-and-contract-in-one-batch%3A "), annotations.get(0));
        assertTrue(annotations.get(0).contains("%0AINSERT INTO person (id, alice, created_at) VALUES (?, ?, ?)%0A"),
                annotations.get(0));
        String markdown = Files.readString(summary);
        assertTrue(markdown.startsWith("earlier step\n**FAIL** promoting deploy-5"), markdown);
    }

    @Test
    void withTextOnStdoutTheAnnotationsFollowTheReport() {
        Streams streams = write(new ReportOutput(ReportFormat.TEXT, null, null, 0, false,
                Map.of("GITHUB_ACTIONS", "true")));

        assertTrue(streams.out().startsWith("FAIL  promoting"), streams.out());
        assertTrue(streams.out().contains("\n::error file=db/migration/V4__drop_alice.sql,line=3,"), streams.out());
        assertEquals("", streams.err());
    }

    @Test
    void outsideActionsNothingIsAnnotated() {
        Streams streams = write(new ReportOutput(ReportFormat.TEXT, null, null, 0, false, Map.of()));

        assertFalse(streams.out().contains("::error"), streams.out());
    }

    @Test
    void textIsWrappedToOneHundredColumnsInACiLogAndColouredOnlyOnATerminalWithoutNoColor() {
        int width = ReportOutput.width(null, false, Map.of("GITLAB_CI", "true"));
        Streams streams = write(new ReportOutput(ReportFormat.TEXT, null, null, width,
                ReportOutput.colour("auto", false, Map.of()), Map.of()));

        assertEquals(100, width);
        assertEquals(0, ReportOutput.width(null, false, Map.of()), "piped output keeps its lines");
        assertEquals(132, ReportOutput.width(null, true, Map.of("COLUMNS", "132")));
        streams.out().lines().forEach(line -> assertTrue(line.length() <= 100, line));
        assertFalse(streams.out().contains("\u001b["));
        assertTrue(ReportOutput.colour("auto", true, Map.of()));
        assertFalse(ReportOutput.colour("auto", true, Map.of("NO_COLOR", "1")));
        assertFalse(ReportOutput.colour("auto", true, Map.of("TERM", "dumb")));
        assertTrue(ReportOutput.colour("always", false, Map.of("NO_COLOR", "1")));
    }

    @Test
    void wrappedTextSaysWordForWordWhatTheLongLinesSaid() {
        String wide = ReportFormat.TEXT.writer().render(FAILING);
        String narrow = new io.switchover.report.TextReportWriter(60, false).render(FAILING);

        narrow.lines().forEach(line -> assertTrue(line.length() <= 60 || !line.strip().contains(" "), line));
        assertEquals(words(wide), words(narrow));
        String coloured = new io.switchover.report.TextReportWriter(0, true).render(FAILING);
        assertTrue(coloured.startsWith("\u001b[1;31mFAIL\u001b[0m  promoting"), coloured);
    }

    private static List<String> words(String text) {
        return List.of(text.strip().split("\\s+"));
    }
}
