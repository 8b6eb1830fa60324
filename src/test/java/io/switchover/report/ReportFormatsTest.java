package io.switchover.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchover.check.CheckRequest;
import io.switchover.check.SwitchoverCheck;
import io.switchover.replay.H2Engine;
import io.switchover.rules.Severity;
import io.switchover.snapshot.DirectorySnapshot;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CI formats are read by machines: they must parse and say what the findings say. */
class ReportFormatsTest {
    private static final Path STORY = Path.of("sample-migrations/alice-to-brian");
    private final Report failing = new SwitchoverCheck().run(CheckRequest.of(DirectorySnapshot.of(STORY.resolve("deploy-1")),
            DirectorySnapshot.of(STORY.resolve("deploy-5")), List.of(), List.of(), new H2Engine(), Severity.ERROR));

    @Test
    void junitIsWellFormedXmlWithOneFailingCasePerBrokenStep() throws Exception {
        String xml = ReportFormat.JUNIT.writer().render(failing);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        Element suite = (Element) document.getElementsByTagName("testsuite").item(0);
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals(1, document.getElementsByTagName("failure").getLength());
        assertEquals(failing.batch().size(), document.getElementsByTagName("testcase").getLength());
    }

    @Test
    void sarifNamesEveryRuleAndLocatesEveryResultAtTheMigrationStatement() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(ReportFormat.SARIF.writer().render(failing));

        assertEquals("2.1.0", sarif.get("version").asText());
        JsonNode run = sarif.get("runs").get(0);
        assertTrue(run.get("tool").get("driver").get("rules").size() >= 20);
        assertEquals(failing.findings().size(), run.get("results").size());
        JsonNode location = run.get("results").get(0).get("locations").get(0).get("physicalLocation");
        assertEquals("db/migration/V4__drop_alice.sql", location.get("artifactLocation").get("uri").asText());
        assertEquals(3, location.get("region").get("startLine").asInt());
    }

    @Test
    void htmlEscapesTheStatementsItShows() {
        String html = ReportFormat.HTML.writer().render(failing);

        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("created_at &gt;= ?"), html);
        assertTrue(html.contains("<p class=\"word\">FAIL</p>\n<p class=\"sentence\">promoting deploy-5"), html);
    }
}
