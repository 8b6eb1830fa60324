package io.switchover.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JUnit XML as CI test views read it: a JUnit parser from the npm registry, and the XML itself. */
class JunitConsumerTest {

    @Test
    void aJunitParserCountsOneTestPerServiceAndStepAndTheFailingOnes(@TempDir Path dir) throws IOException {
        Path node = ConsumerTools.node();
        Path parser = ConsumerTools.npm("test-results-parser");
        List<Report> reports = SampleReports.all();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            Path file = dir.resolve("junit-" + i + ".xml");
            Files.writeString(file, ReportFormat.JUNIT.writer().render(reports.get(i)));
            files.add(file.toString());
        }
        String script = "const {parse} = require(" + quoted(parser.toString()) + ");"
                + "const files = " + new ObjectMapper().writeValueAsString(files) + ";"
                + "console.log(JSON.stringify(files.map(f => {const r = parse({type: 'junit', files: [f]});"
                + " return {total: r.total, passed: r.passed, failed: r.failed, skipped: r.skipped,"
                + " names: r.suites.flatMap(s => s.cases.map(c => c.name))};})));";
        ConsumerTools.Run run = ConsumerTools.run(dir, List.of(node.toString(), "-e", script));
        assertEquals(0, run.exitCode(), run.output());

        JsonNode parsed = new ObjectMapper().readTree(run.output());
        for (int i = 0; i < reports.size(); i++) {
            Report report = reports.get(i);
            JsonNode result = parsed.get(i);
            int failingSteps = (int) report.findings().stream().filter(f -> f.severity().atLeast(report.failOn()))
                    .map(f -> f.service() + "/" + f.step() + "/" + (f.step() == 0 ? f.rule() + f.migration() : ""))
                    .distinct().count();
            assertEquals(failingSteps, result.get("failed").asInt(), result.toString());
            assertEquals(0, result.get("skipped").asInt(), result.toString());
            assertEquals(result.get("total").asInt(), result.get("passed").asInt() + result.get("failed").asInt());
            Set<String> names = new HashSet<>();
            result.get("names").forEach(n -> assertTrue(names.add(n.asText()), "repeated test name " + n));
            assertTrue(result.get("total").asInt() >= report.batch().size(), result.toString());
        }
    }

    @Test
    void warningsAreVisibleInTheNameAndOutputAndEveryStepCaseNamesItsFile() throws Exception {
        Document xml = parse(ReportFormat.JUNIT.writer().render(SampleReports.warning()));
        NodeList cases = xml.getElementsByTagName("testcase");
        List<String> warned = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").contains(" at step ")) {
                assertTrue(c.getAttribute("file").startsWith("db/migration/V"), c.getAttribute("name"));
            }
            if (c.getAttribute("name").contains("warning")) {
                warned.add(c.getElementsByTagName("system-out").item(0).getTextContent());
            }
        }
        assertEquals(0, xml.getElementsByTagName("skipped").getLength());
        assertTrue(!warned.isEmpty() && warned.get(0).contains("statement-not-checkable"), warned.toString());
        assertEquals("0", ((Element) xml.getElementsByTagName("testsuite").item(0)).getAttribute("failures"));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String quoted(String text) throws IOException {
        return new ObjectMapper().writeValueAsString(text);
    }
}
