package io.switchover.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON report follows its published schema, docs/report.schema.json, which the jar carries as well. */
class JsonReportSchemaTest {
    private static final Path SCHEMA = Path.of("docs/report.schema.json");

    private static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA, StandardCharsets.UTF_8), InputFormat.JSON);
    }

    @Test
    void everySampleReportIsValidAgainstThePublishedSchema() throws IOException {
        Schema schema = schema();
        for (Report report : SampleReports.all()) {
            String json = ReportFormat.JSON.writer().render(report);
            List<Error> errors = schema.validate(json, InputFormat.JSON);
            assertEquals(List.of(), errors.stream().map(Error::toString).toList(), json);
        }
    }

    @Test
    void theGoldenJsonFilesAreValidToo() throws IOException {
        Schema schema = schema();
        try (var files = Files.list(Path.of("src/test/resources/golden"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                assertEquals(List.of(), schema.validate(Files.readString(file), InputFormat.JSON).stream()
                        .map(Error::toString).toList(), file.toString());
            }
        }
    }

    @Test
    void theSchemaRejectsAReportThatBreaksTheContract() throws IOException {
        String renamed = ReportFormat.JSON.writer().render(SampleReports.failing()).replace("\"verdict\"", "\"outcome\"");

        assertTrue(!schema().validate(renamed, InputFormat.JSON).isEmpty());
    }

    @Test
    void theReportSaysWhichSchemaVersionItFollowsAndTheJarCarriesThatSchema() throws IOException {
        JsonNode json = new ObjectMapper().readTree(ReportFormat.JSON.writer().render(SampleReports.failing()));
        assertEquals(JsonReportWriter.SCHEMA_VERSION, json.get("schemaVersion").asText());

        try (InputStream packaged = JsonReportWriter.class.getResourceAsStream("/report.schema.json")) {
            assertEquals(Files.readString(SCHEMA), new String(packaged.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void originsAreGivenAsFileAndLineBesideThePathLineString() throws IOException {
        JsonNode finding = new ObjectMapper().readTree(ReportFormat.JSON.writer().render(SampleReports.failing()))
                .get("findings").get(0);

        assertEquals("src/main/java/com/example/people/PersonRepository.java:22", finding.at("/pattern/origin").asText());
        assertEquals("src/main/java/com/example/people/PersonRepository.java", finding.at("/pattern/file").asText());
        assertEquals(22, finding.at("/pattern/line").asInt());
        assertEquals("db/migration/V4__drop_alice.sql", finding.at("/migrationPath").asText());
    }
}
