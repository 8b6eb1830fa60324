package io.switchover.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A FAIL with recorded versions carries its promotion plan in every format: the seed's three deployments through
 * alice-to-brian's test environment (deploy-2, deploy-4, deploy-5), with why each stops where it does.
 */
class PlanInEveryFormatTest {
    private static final List<String> DEPLOYED = List.of("deploy-2", "deploy-4", "deploy-5");

    @Test
    void jsonGivesThePlanAsData() throws Exception {
        JsonNode plan = new ObjectMapper().readTree(ReportFormat.JSON.writer().render(SampleReports.planned()))
                .get("plan");
        assertTrue(plan.get("complete").asBoolean());
        assertEquals(DEPLOYED, plan.get("steps").findValuesAsText("to"));
        assertEquals("V2__add_brian.sql", plan.at("/steps/0/migrations/0").asText());
        assertTrue(plan.at("/steps/0/stopsHere").asText().contains("V3__copy_alice_to_brian.sql copies"),
                plan.toString());
    }

    @Test
    void sarifCarriesItInTheRunsPropertyBag() throws Exception {
        JsonNode run = new ObjectMapper().readTree(ReportFormat.SARIF.writer().render(SampleReports.planned()))
                .at("/runs/0");
        assertEquals(DEPLOYED, run.at("/properties/promotionPlan/steps").findValuesAsText("to"));
        assertTrue(new ObjectMapper().readTree(ReportFormat.SARIF.writer().render(SampleReports.failing()))
                .at("/runs/0/properties/promotionPlan").isMissingNode(), "no plan without recorded versions");
    }

    @Test
    void markdownListsTheDeploymentsInsteadOfTheSplit() {
        String markdown = new MarkdownReportWriter().render(SampleReports.planned());
        assertTrue(markdown.contains("**To promote safely:** promotion plan through 4 recorded versions between"
                + " deploy-0 and deploy-5: 3 deployments, the fewest that are safe"), markdown);
        assertTrue(markdown.contains("\n1. apply V2\\_\\_add\\_brian.sql while deploy-0 serves, then deploy deploy-2;"
                + " not further, since "), markdown);
        assertTrue(markdown.contains("\n3. apply V4\\_\\_drop\\_alice.sql while deploy-4 serves, then deploy deploy-5\n"),
                markdown);
        assertFalse(markdown.contains("now; promote"), "the plan replaces the split: " + markdown);
    }

    @Test
    void theApprovalPageListsTheStepsAndMarksEachDeploymentOnTheTimeline() {
        String html = ReportFormat.HTML.writer().render(SampleReports.planned());
        assertTrue(html.contains("<ol class=\"plan\"><li>apply V2__add_brian.sql while deploy-0 serves, then deploy"
                + " deploy-2<p class=\"muted\">not further, since "), html);
        for (String version : DEPLOYED) {
            assertTrue(html.contains("<title>deploy " + version + " here</title>"), version);
        }
        assertFalse(html.contains("<h3>Hold back</h3>"), "the plan replaces the split");
    }

    @Test
    void junitShowsThePlanInTheSuitesOutput() {
        String xml = ReportFormat.JUNIT.writer().render(SampleReports.planned());
        assertTrue(xml.contains("<system-out>promotion plan through 4 recorded versions"), xml);
    }

    @Test
    void theTextReportEndsWithThePlan() {
        String text = new TextReportWriter().render(SampleReports.planned());
        assertTrue(text.contains("  2. apply V3__copy_alice_to_brian.sql while deploy-2 serves, then deploy deploy-4\n"),
                text);
    }
}
