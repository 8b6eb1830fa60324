package io.switchover.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.switchover.migrations.Migration;
import io.switchover.patterns.model.Origin;
import io.switchover.rules.Finding;
import io.switchover.rules.Rule;
import io.switchover.rules.RuleSet;
import io.switchover.rules.Severity;
import io.switchover.sql.OneLine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code scanning (GitHub's ingestion rules included). Code scanning annotates the commit it scans,
 * which is the candidate: each result is located at the migration statement that breaks (the candidate holds it),
 * and the old statement, which lies in the production version of the service (another commit, or another
 * repository), is a related location under a base id that names that version. Rules carry their doc
 * ({@code rules/<id>.md}) as help; levels follow {@code --fail-on}: what fails the promotion is an error.
 */
public final class SarifReportWriter implements ReportWriter {
    private static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String FINGERPRINT = "switchoverFinding/v1";
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(Report report) {
        List<Rule> rules = RuleSet.standard().rules();
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "switchover");
        driver.put("informationUri", RuleLinks.HOME);
        driver.put("version", version());
        driver.put("rules", rules.stream().map(SarifReportWriter::rule).toList());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        // One category for every run of the gate, so that code scanning compares a promotion's alerts with the last's.
        run.put("automationDetails", Map.of("id", "switchover/"));
        run.put("originalUriBaseIds", baseIds(report));
        run.put("columnKind", "utf16CodeUnits");
        List<String> ids = rules.stream().map(Rule::id).toList();
        List<String> fingerprints = fingerprints(report.findings());
        List<Map<String, Object>> results = new java.util.ArrayList<>();
        for (int i = 0; i < report.findings().size(); i++) {
            Finding finding = report.findings().get(i);
            results.add(result(report, finding, ids.indexOf(finding.rule()), fingerprints.get(i)));
        }
        run.put("results", results);
        // The way out, as data, where SARIF keeps what it has no field for: the run's property bag
        report.plan().ifPresent(plan -> run.put("properties", Map.of("promotionPlan", JsonReportWriter.plan(plan))));
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

    /** The project's version, which the build writes into {@code io/switchover/version.properties}. */
    static String version() {
        try (java.io.InputStream in = SarifReportWriter.class.getResourceAsStream("/io/switchover/version.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "0.0.0");
        } catch (java.io.IOException e) {
            return "0.0.0";
        }
    }

    private static Map<String, Object> rule(Rule rule) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", rule.id());
        map.put("name", pascal(rule.id()));
        map.put("shortDescription", Map.of("text", rule.doc().title()));
        map.put("fullDescription", Map.of("text", RuleLinks.description(rule.doc())));
        map.put("helpUri", RuleLinks.helpUri(rule.id()));
        map.put("help", ordered("text", rule.doc().markdown(), "markdown", rule.doc().markdown()));
        map.put("defaultConfiguration", Map.of("level", rule.doc().severity() == Severity.ERROR ? "error" : "warning"));
        map.put("properties", ordered("category", rule.doc().category(),
                "tags", List.of("database-migration", "expand-contract", rule.doc().category())));
        return map;
    }

    /** Two entries in the order given: Map.of's order differs from one JVM to the next, and the output must not. */
    private static Map<String, Object> ordered(String key, Object value, String otherKey, Object otherValue) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        map.put(otherKey, otherValue);
        return map;
    }

    /** Code scanning prefers a rule's name in Pascal case: dropped-column-still-used as DroppedColumnStillUsed. */
    private static String pascal(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    /** A base id per running version: its files are not the scanned commit's. */
    private static Map<String, Object> baseIds(Report report) {
        Map<String, Object> ids = new LinkedHashMap<>();
        for (int i = 0; i < report.services().size(); i++) {
            PromotedService service = report.services().get(i);
            ids.put(baseId(i), Map.of("description", Map.of("text", "the files of " + service.name() + " as production"
                    + " runs it (" + service.running() + ")" + (service.repository() == null ? ""
                    : ", in the repository " + service.repository()))));
        }
        return ids;
    }

    private static String baseId(int index) {
        return "PRODUCTION_" + (index + 1);
    }

    private static Map<String, Object> result(Report report, Finding finding, int ruleIndex, String fingerprint) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ruleId", finding.rule());
        if (ruleIndex >= 0) {
            map.put("ruleIndex", ruleIndex);
        }
        map.put("level", finding.severity().atLeast(report.failOn()) ? "error" : "warning");
        Map<String, Object> related = finding.pattern() == null ? null : related(report, finding);
        map.put("message", Map.of("text", message(finding, related != null)));
        map.put("locations", List.of(location(report, finding)));
        if (related != null) {
            map.put("relatedLocations", List.of(related));
        }
        map.put("partialFingerprints", Map.of(FINGERPRINT, fingerprint));
        Map<String, Object> properties = new LinkedHashMap<>();
        if (finding.service() != null) {
            properties.put("service", finding.service());
        }
        if (finding.step() > 0) {
            properties.put("step", finding.step());
        }
        if (finding.error() != null) {
            properties.put("sqlState", finding.error().sqlState());
        }
        if (!properties.isEmpty()) {
            map.put("properties", properties);
        }
        return map;
    }

    /** Plain text in which only the link to the related location is an embedded link: other brackets are escaped. */
    private static String message(Finding finding, boolean related) {
        StringBuilder text = new StringBuilder(literal(finding.message())).append(".");
        if (finding.pattern() != null) {
            text.append(Report.isMention(finding) ? " The code: " : " The old statement: ")
                    .append(literal(TextReportWriter.oneLine(finding.pattern().sql())))
                    .append(related ? " [" + literal(finding.pattern().origin().toString()) + "](1)"
                            : " (" + literal(finding.pattern().origin().toString()) + ")");
            if (finding.error() != null) {
                text.append(" fails with: ").append(literal(finding.error().toString()));
            }
            text.append(".");
        } else if (finding.error() != null) {
            text.append(" The database said: ").append(literal(finding.error().toString())).append(".");
        }
        return text.append(" What to do: ").append(literal(finding.help())).toString();
    }

    /** SARIF 3.11.6: in a message that may hold embedded links, literal brackets and backslashes are escaped. */
    static String literal(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    /** Where a finding stands in the candidate's files. */
    record Place(String path, int line) {
    }

    /** The migration's statement in the candidate; a finding about no migration points at the batch's first one. */
    static Place place(Report report, Finding finding) {
        Migration migration = finding.migration() != null ? finding.migration()
                : report.batch().isEmpty() ? null : report.batch().get(0);
        if (migration != null) {
            return new Place(migration.path() != null ? migration.path() : besideBatch(report, migration.script()),
                    finding.migration() == null ? 1 : Math.max(1, finding.line()));
        }
        if (finding.pattern() != null) {
            return new Place(finding.pattern().origin().path(), Math.max(1, finding.pattern().origin().line()));
        }
        return new Place("switchover.yml", 1);
    }

    private static Map<String, Object> location(Report report, Finding finding) {
        Place place = place(report, finding);
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", place.path()));
        physical.put("region", Map.of("startLine", place.line()));
        return Map.of("physicalLocation", physical);
    }

    /** A script of production's history that the candidate lacks: where it would be, beside the batch's files. */
    private static String besideBatch(Report report, String script) {
        return report.batch().stream().map(Migration::path).filter(p -> p != null && p.contains("/")).findFirst()
                .map(p -> p.substring(0, p.lastIndexOf('/') + 1) + script).orElse(script);
    }

    private static Map<String, Object> related(Report report, Finding finding) {
        Origin origin = finding.pattern().origin();
        int service = serviceIndex(report, finding.service());
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("uri", origin.path());
        if (service >= 0) {
            artifact.put("uriBaseId", baseId(service));
        }
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", Math.max(1, origin.line()));
        if (origin.lastLine() > origin.line()) {
            region.put("endLine", origin.lastLine());
        }
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifact);
        physical.put("region", region);
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("id", 1);
        location.put("physicalLocation", physical);
        PromotedService running = service >= 0 ? report.services().get(service) : null;
        location.put("message", Map.of("text", (Report.isMention(finding) ? "the code" : "the old statement") + " in "
                + (running == null ? report.production() : running.name() + " as production runs it ("
                + running.running() + ")" + (running.repository() == null ? "" : ", repository " + running.repository()))));
        if (running != null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("service", running.name());
            properties.put("version", running.running());
            if (running.repository() != null) {
                properties.put("repository", running.repository());
            }
            location.put("properties", properties);
        }
        return location;
    }

    private static int serviceIndex(Report report, String service) {
        for (int i = 0; i < report.services().size(); i++) {
            if (report.services().get(i).name().equals(service)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Stable across runs and across edits elsewhere: the rule, the migration, the service and what it does (the old
     * statement and its file), never a line number of the old code, which moves when unrelated code changes. The same
     * statement twice in one file (the same line of code at two places) is told apart by its rank there.
     */
    static List<String> fingerprints(List<Finding> findings) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        List<String> prints = new java.util.ArrayList<>();
        for (Finding finding : findings) {
            String key = key(finding);
            int rank = seen.merge(key, 1, Integer::sum);
            prints.add(hash(rank == 1 ? key : key + "\u0000" + rank));
        }
        return prints;
    }

    private static String key(Finding finding) {
        return String.join("\u0000", finding.rule(),
                finding.migration() == null ? "" : finding.migration().script(),
                finding.service() == null ? "" : finding.service(),
                finding.pattern() == null ? "" : OneLine.of(finding.pattern().sql()),
                finding.pattern() == null ? "" : finding.pattern().origin().path());
    }

    private static String hash(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
