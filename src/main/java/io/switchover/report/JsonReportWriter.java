package io.switchover.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.switchover.migrations.Migration;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.plan.Plan;
import io.switchover.rules.Finding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON contract of DESIGN.md: {@code verdict}, {@code batch[].version/script}, {@code findings[].rule, severity,
 * migration, step, service, pattern.sql, pattern.origin, message} stay stable; fields may be added, never renamed.
 * Built from maps so that the contract is spelt out here rather than implied by class layouts. The published JSON
 * Schema, {@code docs/report.schema.json} (also in the jar as {@code /report.schema.json}), describes every field;
 * {@code schemaVersion} changes its minor number when fields are added and its major number never, unless a field is
 * removed or renamed.
 */
public final class JsonReportWriter implements ReportWriter {
    /** The version of {@code docs/report.schema.json} the report follows. */
    public static final String SCHEMA_VERSION = "1.1";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("verdict", report.verdict().name());
        root.put("production", report.production());
        root.put("candidate", report.candidate());
        root.put("engine", report.engine());
        root.put("failOn", report.failOn().label());
        root.put("batch", report.batch().stream().map(JsonReportWriter::migration).toList());
        root.put("services", report.services().stream().map(service -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", service.name());
            map.put("running", service.running());
            map.put("candidate", service.candidate());
            map.put("repository", service.repository());
            return map;
        }).toList());
        root.put("findings", report.findings().stream().map(JsonReportWriter::finding).toList());
        root.put("split", report.splitAdvice().map(split -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("promoteNow", split.promoteNow().stream().map(Migration::script).toList());
            map.put("holdBack", split.holdBack().stream().map(Migration::script).toList());
            return map;
        }).orElse(null));
        root.put("plan", report.plan().map(JsonReportWriter::plan).orElse(null));
        root.put("suppressed", report.suppressed().stream().map(entry -> {
            Map<String, Object> map = finding(entry.finding());
            map.put("suppressedBy", entry.suppression().toString());
            map.put("reason", entry.suppression().reason());
            return map;
        }).toList());
        root.put("notChecked", report.notChecked().stream().map(JsonReportWriter::notChecked).toList());
        root.put("coverage", report.coverage().stream().map(coverage -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("service", coverage.issuer().service());
            map.put("version", coverage.issuer().version());
            map.put("role", coverage.issuer().role().name().toLowerCase(java.util.Locale.ROOT));
            map.put("statements", coverage.statements());
            map.put("checked", coverage.checked());
            map.put("notChecked", coverage.notChecked());
            map.put("namedWhereNotChecked", coverage.namedUnchecked());
            return map;
        }).toList());
        root.put("warnings", report.warnings());
        root.put("notes", report.notes());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("statements", report.summary().statements());
        summary.put("candidateStatements", report.summary().candidateStatements());
        summary.put("unaffected", report.summary().unaffected());
        summary.put("services", report.summary().services());
        summary.put("states", report.summary().states());
        // No time: two runs on the same inputs write the same report, which scripts may compare or cache. The text,
        // markdown and JUnit reports say how long a check took.
        root.put("summary", summary);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the report as JSON", e);
        }
    }

    private static Map<String, Object> migration(Migration migration) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", migration.version());
        map.put("script", migration.script());
        map.put("description", migration.description());
        map.put("path", migration.path());
        map.put("checksum", migration.checksum());
        return map;
    }

    private static Map<String, Object> finding(Finding finding) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rule", finding.rule());
        map.put("severity", finding.severity().label());
        map.put("migration", finding.migration() == null ? null : finding.migration().script());
        if (finding.migration() != null && finding.migration().path() != null) {
            map.put("migrationPath", finding.migration().path());
        }
        map.put("step", finding.step());
        if (finding.line() > 0) {
            map.put("line", finding.line());
        }
        map.put("service", finding.service());
        if (finding.pattern() != null) {
            Map<String, Object> pattern = new LinkedHashMap<>();
            pattern.put("sql", finding.pattern().sql());
            pattern.put("origin", finding.pattern().origin().toString());
            pattern.put("file", finding.pattern().origin().path());
            pattern.put("line", finding.pattern().origin().line());
            pattern.put("lastLine", finding.pattern().origin().lastLine());
            pattern.put("extractor", finding.pattern().extractor());
            map.put("pattern", pattern);
        } else {
            map.put("pattern", null);
        }
        map.put("title", finding.title());
        map.put("message", finding.message());
        map.put("help", finding.help());
        if (finding.error() != null) {
            Map<String, Object> database = new LinkedHashMap<>();
            database.put("sqlState", finding.error().sqlState());
            database.put("message", finding.error().message());
            map.put("database", database);
        }
        return map;
    }

    static Map<String, Object> plan(Plan plan) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("complete", plan.complete());
        map.put("steps", plan.promotions().stream().map(promotion -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("from", promotion.from().name());
            step.put("to", promotion.to().name());
            step.put("service", promotion.to().issuer().service());
            step.put("migrations", promotion.migrations().stream().map(Migration::script).toList());
            step.put("stopsHere", promotion.stopsHere().orElse(null));
            return step;
        }).toList());
        map.put("wait", plan.waits().map(wait -> {
            Map<String, Object> waiting = new LinkedHashMap<>();
            waiting.put("migration", wait.migration().script());
            waiting.put("step", wait.step());
            waiting.put("reason", wait.reason());
            return waiting;
        }).orElse(null));
        map.put("floors", plan.floors().stream().map(floor -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("migration", floor.migration().script());
            entry.put("oldestVersion", floor.oldest().map(v -> v.name()).orElse(null));
            return entry;
        }).toList());
        map.put("leftOut", plan.skipped());
        return map;
    }

    private static Map<String, Object> notChecked(UnresolvedSql place) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("origin", place.origin().toString());
        map.put("file", place.origin().path());
        map.put("line", place.origin().line());
        map.put("fragment", place.fragment());
        map.put("reason", place.reason());
        return map;
    }
}
