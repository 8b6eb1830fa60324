package io.switchover.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.switchover.rules.Finding;
import io.switchover.rules.Rule;
import io.switchover.rules.RuleSet;
import io.switchover.rules.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, for code-scanning views: the rules with their titles, and one result per finding, located at the old
 * statement's line in the service's code, or at the migration's statement when the finding is about the migration.
 */
public final class SarifReportWriter implements ReportWriter {
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(Report report) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "switchover");
        driver.put("rules", RuleSet.standard().rules().stream().map(SarifReportWriter::rule).toList());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", report.findings().stream().map(SarifReportWriter::result).toList());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the report as SARIF", e);
        }
    }

    private static Map<String, Object> rule(Rule rule) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", rule.id());
        map.put("shortDescription", Map.of("text", rule.doc().title()));
        map.put("defaultConfiguration", Map.of("level", level(rule.doc().severity())));
        map.put("properties", Map.of("category", rule.doc().category()));
        return map;
    }

    private static Map<String, Object> result(Finding finding) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ruleId", finding.rule());
        map.put("level", level(finding.severity()));
        map.put("message", Map.of("text", finding.message() + ". " + finding.help()
                + (finding.error() == null ? "" : " (" + finding.error() + ")")));
        location(finding).ifPresent(location -> map.put("locations", List.of(location)));
        return map;
    }

    private static java.util.Optional<Map<String, Object>> location(Finding finding) {
        String uri;
        int line;
        if (finding.pattern() != null) {
            uri = finding.pattern().origin().path();
            line = finding.pattern().origin().line();
        } else if (finding.migration() != null) {
            uri = finding.migration().path();
            line = finding.line();
        } else {
            return java.util.Optional.empty();
        }
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", uri));
        if (line > 0) {
            physical.put("region", Map.of("startLine", line));
        }
        return java.util.Optional.of(Map.of("physicalLocation", physical));
    }

    private static String level(Severity severity) {
        return severity == Severity.ERROR ? "error" : "warning";
    }
}
