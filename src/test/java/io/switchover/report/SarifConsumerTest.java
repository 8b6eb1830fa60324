package io.switchover.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SARIF as code scanning takes it: valid against the official 2.1.0 schema (the copy SARIF Multitool ships) and
 * clean under SARIF Multitool's own rules and GitHub's ingestion rules ({@code validate --rule-kind Gh;Sarif}).
 */
class SarifConsumerTest {
    private static final String MULTITOOL = "@microsoft/sarif-multitool-linux/";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everySampleReportIsValidAgainstTheOfficialSchema() throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(Files.readString(ConsumerTools.npm(MULTITOOL + "sarif-2.1.0.json")), InputFormat.JSON);
        for (Report report : SampleReports.all()) {
            String sarif = ReportFormat.SARIF.writer().render(report);
            assertEquals(List.of(), schema.validate(sarif, InputFormat.JSON).stream().map(Error::toString).toList(),
                    sarif);
        }
    }

    @Test
    void sarifMultitoolWithGitHubsRulesFindsNothingToSay(@TempDir Path dir) throws IOException {
        Path tool = ConsumerTools.npm(MULTITOOL + "Sarif.Multitool");
        List<String> command = new ArrayList<>(List.of(tool.toString(), "validate", "--rule-kind", "Gh;Sarif",
                "--output", dir.resolve("validation.sarif").toString()));
        List<Report> reports = SampleReports.all();
        for (int i = 0; i < reports.size(); i++) {
            Path file = dir.resolve("report-" + i + ".sarif");
            Files.writeString(file, ReportFormat.SARIF.writer().render(reports.get(i)));
            command.add(file.toString());
        }
        ConsumerTools.Run run = ConsumerTools.run(dir, command);

        assertEquals(0, run.exitCode(), run.output());
        JsonNode results = json.readTree(dir.resolve("validation.sarif").toFile()).at("/runs/0/results");
        List<String> said = new ArrayList<>();
        results.forEach(r -> said.add(r.path("level").asText("warning") + " " + r.path("ruleId").asText() + " "
                + r.at("/message/text").asText() + " " + r.at("/message/arguments").toString()));
        assertEquals(List.of(), said.stream().filter(s -> !s.startsWith("note ") && !s.startsWith("none ")).toList(),
                run.output());
    }

    @Test
    void resultsPointAtTheMigrationStatementWithTheOldStatementAsRelatedLocation() throws IOException {
        JsonNode run = json.readTree(ReportFormat.SARIF.writer().render(SampleReports.failing())).at("/runs/0");
        JsonNode result = run.at("/results/0");

        assertEquals("db/migration/V4__drop_alice.sql", result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(3, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        JsonNode related = result.at("/relatedLocations/0/physicalLocation");
        assertEquals("src/main/java/com/example/people/PersonRepository.java", related.at("/artifactLocation/uri").asText());
        assertEquals("PRODUCTION_1", related.at("/artifactLocation/uriBaseId").asText());
        assertEquals(22, related.at("/region/startLine").asInt());
        assertTrue(result.at("/message/text").asText().contains("](1)"), result.toString());
        assertTrue(run.has("originalUriBaseIds"));
        assertEquals("switchover/", run.at("/automationDetails/id").asText());
    }

    @Test
    void rulesCarryTheirDocsAsHelpWithALink() throws IOException {
        JsonNode rule = json.readTree(ReportFormat.SARIF.writer().render(SampleReports.failing()))
                .at("/runs/0/tool/driver/rules").get(0);

        assertFalse(rule.at("/fullDescription/text").asText().isBlank());
        assertTrue(rule.at("/help/markdown").asText().contains("## "), rule.toString());
        assertTrue(rule.at("/helpUri").asText().endsWith("rules/" + rule.get("id").asText() + ".md"));
    }

    @Test
    void fingerprintsAreTheSameInTwoRunsAndDifferBetweenFindings() throws IOException {
        List<String> first = fingerprints(SampleReports.failing());
        List<String> second = fingerprints(SampleReports.of("alice-to-brian", "deploy-1", "deploy-5"));

        assertEquals(first, second);
        List<String> mentions = fingerprints(SampleReports.mentions());
        assertEquals(mentions.size(), mentions.stream().distinct().count(), mentions.toString());
        assertEquals(first.size(), first.stream().distinct().count(), first.toString());
    }

    @Test
    void anotherServicesStatementIsRelatedUnderItsOwnBaseId() throws IOException {
        JsonNode run = json.readTree(ReportFormat.SARIF.writer().render(SampleReports.sharedDatabase())).at("/runs/0");
        List<String> services = new ArrayList<>();
        run.at("/results").forEach(r -> services.add(r.at("/relatedLocations/0/properties/service").asText()
                + "@" + r.at("/relatedLocations/0/physicalLocation/artifactLocation/uriBaseId").asText()));

        assertTrue(services.contains("newsletter-service@PRODUCTION_2"), services.toString());
        assertTrue(run.at("/originalUriBaseIds/PRODUCTION_2/description/text").asText().contains("newsletter-service"));
    }

    @Test
    void levelsFollowFailOn() throws IOException {
        JsonNode results = json.readTree(ReportFormat.SARIF.writer().render(SampleReports.warning())).at("/runs/0/results");
        results.forEach(r -> assertEquals("warning", r.get("level").asText()));
        assertTrue(results.size() > 0);
    }

    private List<String> fingerprints(Report report) throws IOException {
        List<String> prints = new ArrayList<>();
        json.readTree(ReportFormat.SARIF.writer().render(report)).at("/runs/0/results")
                .forEach(r -> prints.add(r.at("/partialFingerprints/" + SarifReportWriter.FINGERPRINT.replace("/", "~1")).asText()));
        return prints;
    }
}
