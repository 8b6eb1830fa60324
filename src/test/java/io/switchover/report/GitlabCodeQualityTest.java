package io.switchover.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GitLab's Code Quality report as its merge-request widget reads it: every issue has a description, check name,
 * unique fingerprint, one of GitLab's severities, and a location at a line that exists in the candidate's file.
 */
class GitlabCodeQualityTest {
    private static final Set<String> SEVERITIES = Set.of("info", "minor", "major", "critical", "blocker");

    @Test
    void everyIssueIsWhatGitLabRequiresAndPointsAtALineOfTheCandidate() throws IOException {
        check(SampleReports.failing(), Path.of("sample-migrations/alice-to-brian/deploy-5"));
        check(SampleReports.warning(), Path.of("sample-migrations/jooq-rename-table/deploy-1"));
        check(SampleReports.mentions(), Path.of("sample-migrations/format-over-constants/deploy-2"));
    }

    private static void check(Report report, Path candidate) throws IOException {
        JsonNode issues = new ObjectMapper().readTree(ReportFormat.GITLAB.writer().render(report));
        assertTrue(issues.isArray());
        assertEquals(report.findings().size(), issues.size());
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode issue : issues) {
            for (String field : List.of("description", "check_name", "fingerprint", "severity")) {
                assertTrue(issue.hasNonNull(field) && !issue.get(field).asText().isBlank(), field + " in " + issue);
            }
            assertTrue(SEVERITIES.contains(issue.get("severity").asText()), issue.toString());
            assertTrue(fingerprints.add(issue.get("fingerprint").asText()), "repeated fingerprint " + issue);
            Path file = candidate.resolve(issue.at("/location/path").asText());
            int line = issue.at("/location/lines/begin").asInt();
            assertTrue(Files.isRegularFile(file), file.toString());
            assertTrue(line >= 1 && line <= Files.readAllLines(file).size(), issue.toString());
        }
    }
}
