package io.switchover.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.switchover.rules.Finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitLab's Code Quality report ({@code artifacts:reports:codequality}): one issue per finding, located like SARIF's
 * results at the migration statement in the candidate, so that the merge request's diff shows it on the
 * {@code DROP}. What fails the promotion is {@code critical}, a warning {@code minor}.
 */
public final class GitlabCodeQualityWriter implements ReportWriter {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(Report report) {
        List<String> fingerprints = SarifReportWriter.fingerprints(report.findings());
        List<Map<String, Object>> issues = new java.util.ArrayList<>();
        for (int i = 0; i < report.findings().size(); i++) {
            issues.add(issue(report, report.findings().get(i), fingerprints.get(i)));
        }
        try {
            return mapper.writeValueAsString(issues) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the report as GitLab Code Quality JSON", e);
        }
    }

    private static Map<String, Object> issue(Report report, Finding finding, String fingerprint) {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("type", "issue");
        issue.put("check_name", finding.rule());
        StringBuilder description = new StringBuilder(finding.message());
        if (finding.pattern() != null) {
            description.append(": ").append(TextReportWriter.oneLine(finding.pattern().sql())).append(" (")
                    .append(finding.service() == null ? "" : finding.service() + " ").append(finding.pattern().origin())
                    .append(")");
        }
        issue.put("description", description.toString());
        issue.put("content", Map.of("body", finding.help()));
        issue.put("categories", List.of("Bug Risk"));
        issue.put("severity", finding.severity().atLeast(report.failOn()) ? "critical" : "minor");
        issue.put("fingerprint", fingerprint);
        SarifReportWriter.Place place = SarifReportWriter.place(report, finding);
        issue.put("location", Map.of("path", place.path(), "lines", Map.of("begin", place.line())));
        return issue;
    }
}
