package io.switchover.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.sql.OneLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code switchover patterns}: every statement a service version issues with its origin and extractor, a count per
 * extractor, and the SQL-looking places that could not be resolved, so that a team sees what the gate will check.
 */
public final class PatternListWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String text(String service, String version, ExtractionResult result) {
        StringBuilder out = new StringBuilder();
        long distinct = result.patterns().stream().map(p -> OneLine.of(p.sql())).distinct().count();
        out.append(service.equals(version) ? service : service + " at " + version).append(": ").append(distinct)
                .append(" statement(s) at ").append(result.patterns().size()).append(" place(s), ")
                .append(result.notChecked().size()).append(" not checked, ").append(result.reads().size())
                .append(" column(s) read by name\n\n");
        for (AccessPattern pattern : result.patterns()) {
            out.append(pattern.origin()).append("  [").append(pattern.extractor()).append("]\n    ")
                    .append(TextReportWriter.oneLine(pattern.sql())).append("\n");
        }
        out.append("\nby extractor:");
        counts(result.patterns()).forEach((extractor, count) -> out.append(" ").append(extractor).append(" ").append(count));
        out.append("\n");
        if (!result.notChecked().isEmpty()) {
            out.append("\nnot checked (built at run time or not readable):\n");
            for (UnresolvedSql place : result.notChecked()) {
                out.append("  ").append(place.origin()).append("  ").append(TextReportWriter.oneLine(place.fragment()))
                        .append("  (").append(place.reason()).append(")\n");
            }
        }
        for (String warning : result.warnings()) {
            out.append("\nwarning: ").append(warning).append("\n");
        }
        return out.toString();
    }

    public String json(String service, String version, ExtractionResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("service", service);
        root.put("version", version);
        root.put("patterns", result.patterns().stream().map(p -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("sql", p.sql());
            map.put("origin", p.origin().toString());
            map.put("extractor", p.extractor());
            return map;
        }).toList());
        root.put("byExtractor", counts(result.patterns()));
        root.put("notChecked", result.notChecked().stream().map(u -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("origin", u.origin().toString());
            map.put("fragment", u.fragment());
            map.put("reason", u.reason());
            return map;
        }).toList());
        root.put("warnings", result.warnings());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the patterns as JSON", e);
        }
    }

    private static Map<String, Integer> counts(List<AccessPattern> patterns) {
        Map<String, Integer> counts = new TreeMap<>();
        patterns.forEach(p -> counts.merge(p.extractor(), 1, Integer::sum));
        return counts;
    }
}
