package io.switchover.migrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchover.SwitchoverException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Production's history as a file, for pipelines that keep production's credentials away from the gate. Reads three
 * shapes: the export of {@code switchover snapshot-prod}, Flyway's {@code info -outputType=json} (which has no
 * checksums), and Spring Boot's {@code /actuator/flyway} response; writes the first.
 */
public final class HistoryExport {
    static final String FORMAT = "switchover-flyway-history";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HistoryExport() {
    }

    public static String write(ProductionHistory history) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("source", history.source());
        ArrayNode rows = root.putArray("rows");
        for (AppliedMigration row : history.rows()) {
            ObjectNode node = rows.addObject();
            node.put("installedRank", row.rank());
            node.put("version", row.version());
            node.put("description", row.description());
            node.put("type", row.type());
            node.put("script", row.script());
            if (row.checksum() == null) {
                node.putNull("checksum");
            } else {
                node.put("checksum", row.checksum());
            }
            node.put("success", row.success());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the history as JSON", e);
        }
    }

    public static ProductionHistory read(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw SwitchoverException.badInput(source + " is not valid JSON (line " + e.getLocation().getLineNr()
                    + "); pass a file written by 'switchover snapshot-prod' or 'flyway info -outputType=json'");
        }
        if (root != null && FORMAT.equals(root.path("format").asText())) {
            return ours(root, source);
        }
        if (root != null && root.has("contexts")) {
            return actuator(root, source);
        }
        if (root != null && root.path("migrations").isArray()) {
            return flywayInfo(root, source);
        }
        throw SwitchoverException.badInput(source + " is not a Flyway history export; pass a file written by"
                + " 'switchover snapshot-prod', 'flyway info -outputType=json' or Spring Boot's /actuator/flyway");
    }

    private static ProductionHistory ours(JsonNode root, String source) {
        List<AppliedMigration> rows = new ArrayList<>();
        for (JsonNode row : array(root, "rows", source)) {
            rows.add(new AppliedMigration(row.path("installedRank").asInt(), text(row, "version"),
                    text(row, "description"), text(row, "type"), text(row, "script"),
                    row.path("checksum").isNumber() ? row.path("checksum").asInt() : null,
                    row.path("success").asBoolean(true)));
        }
        return new ProductionHistory(source, List.copyOf(rows), true);
    }

    private static ProductionHistory actuator(JsonNode root, String source) {
        List<AppliedMigration> rows = new ArrayList<>();
        for (Iterator<JsonNode> contexts = root.path("contexts").elements(); contexts.hasNext(); ) {
            for (Map.Entry<String, JsonNode> bean : contexts.next().path("flywayBeans").properties()) {
                for (JsonNode migration : bean.getValue().path("migrations")) {
                    if (!migration.path("installedRank").isNumber()) {
                        continue; // pending: not applied
                    }
                    String state = migration.path("state").asText("");
                    rows.add(new AppliedMigration(migration.path("installedRank").asInt(), text(migration, "version"),
                            text(migration, "description"), text(migration, "type"), text(migration, "script"),
                            migration.path("checksum").isNumber() ? migration.path("checksum").asInt() : null,
                            !state.contains("FAILED")));
                }
            }
        }
        rows.sort(java.util.Comparator.comparingInt(AppliedMigration::rank));
        return new ProductionHistory(source, List.copyOf(rows), true);
    }

    private static ProductionHistory flywayInfo(JsonNode root, String source) {
        List<AppliedMigration> rows = new ArrayList<>();
        int rank = 1;
        for (JsonNode migration : root.path("migrations")) {
            if (migration.path("installedOnUTC").asText("").isEmpty()) {
                continue; // pending, ignored or available: not applied
            }
            String version = text(migration, "version");
            String description = text(migration, "description");
            String filepath = text(migration, "filepath");
            String script = filepath != null && !filepath.isEmpty()
                    ? filepath.substring(Math.max(filepath.lastIndexOf('/'), filepath.lastIndexOf('\\')) + 1)
                    : (version == null || version.isEmpty() ? "R" : "V" + version) + "__"
                    + (description == null ? "" : description.replace(' ', '_')) + ".sql";
            rows.add(new AppliedMigration(rank++, version == null || version.isEmpty() ? null : version, description,
                    text(migration, "type"), script, null, !migration.path("state").asText("").contains("Failed")));
        }
        return new ProductionHistory(source, List.copyOf(rows), false);
    }

    private static JsonNode array(JsonNode root, String field, String source) {
        JsonNode node = root.path(field);
        if (!node.isArray()) {
            throw SwitchoverException.badInput(source + " has no '" + field + "' array");
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
