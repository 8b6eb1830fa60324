package io.switchover.migrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchover.SwitchoverException;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

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
            String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw SwitchoverException.badInput(source + " is not valid JSON" + line + "; pass a file written by"
                    + " 'switchover snapshot-prod' or 'flyway info -outputType=json'");
        }
        ProductionHistory history;
        if (root != null && FORMAT.equals(root.path("format").asText())) {
            history = ours(root, source);
        } else if (root != null && root.has("contexts")) {
            history = actuator(root, source);
        } else if (root != null && root.path("migrations").isArray()) {
            history = flywayInfo(root, source);
        } else {
            throw SwitchoverException.badInput(source + " is not a Flyway history export; pass a file written by"
                    + " 'switchover snapshot-prod', 'flyway info -outputType=json' or Spring Boot's /actuator/flyway");
        }
        if (history.applied().isEmpty()) {
            // An empty history makes every migration the batch and an empty schema production's: nothing of the
            // running version could be checked, and the gate would pass.
            throw SwitchoverException.badInput(source + " names no applied migration; export the history of the"
                    + " production database again (switchover snapshot-prod), or leave out --prod-history to take the"
                    + " production snapshot's migrations as applied");
        }
        return history;
    }

    private static ProductionHistory ours(JsonNode root, String source) {
        List<AppliedMigration> rows = new ArrayList<>();
        JsonNode array = array(root, "rows", source);
        for (int i = 0; i < array.size(); i++) {
            Row row = new Row(array.get(i), source + ": rows[" + i + "]");
            rows.add(new AppliedMigration(row.rank("installedRank"), row.version(), row.text("description"),
                    row.text("type"), row.script(), row.checksum(), row.success()));
        }
        return new ProductionHistory(source, List.copyOf(rows), true);
    }

    private static ProductionHistory actuator(JsonNode root, String source) {
        List<AppliedMigration> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> contexts = root.path("contexts").properties().iterator();
             contexts.hasNext(); ) {
            Map.Entry<String, JsonNode> context = contexts.next();
            for (Map.Entry<String, JsonNode> bean : context.getValue().path("flywayBeans").properties()) {
                JsonNode migrations = bean.getValue().path("migrations");
                for (int i = 0; i < migrations.size(); i++) {
                    JsonNode migration = migrations.get(i);
                    if (!migration.has("installedRank") || migration.get("installedRank").isNull()) {
                        continue; // pending: not applied
                    }
                    Row row = new Row(migration, source + ": contexts." + context.getKey() + ".flywayBeans."
                            + bean.getKey() + ".migrations[" + i + "]");
                    String state = row.text("state");
                    rows.add(new AppliedMigration(row.rank("installedRank"), row.version(), row.text("description"),
                            row.text("type"), row.script(), row.checksum(), state == null || !state.contains("FAILED")));
                }
            }
        }
        rows.sort(java.util.Comparator.comparingInt(AppliedMigration::rank));
        return new ProductionHistory(source, List.copyOf(rows), true);
    }

    private static ProductionHistory flywayInfo(JsonNode root, String source) {
        List<AppliedMigration> rows = new ArrayList<>();
        int rank = 1;
        JsonNode migrations = root.path("migrations");
        for (int i = 0; i < migrations.size(); i++) {
            Row row = new Row(migrations.get(i), source + ": migrations[" + i + "]");
            String installed = row.text("installedOnUTC");
            if (installed == null || installed.isEmpty()) {
                continue; // pending, ignored or available: not applied
            }
            String version = row.version();
            String description = row.text("description");
            String filepath = row.text("filepath");
            if ((filepath == null || filepath.isEmpty()) && description == null) {
                throw row.problem("has neither filepath nor description; export again with flyway info"
                        + " -outputType=json");
            }
            String script = filepath != null && !filepath.isEmpty()
                    ? filepath.substring(Math.max(filepath.lastIndexOf('/'), filepath.lastIndexOf('\\')) + 1)
                    : (version == null || version.isEmpty() ? "R" : "V" + version) + "__"
                    + description.replace(' ', '_') + ".sql";
            String state = row.text("state");
            rows.add(new AppliedMigration(rank++, version, description, row.text("type"), script, null,
                    state == null || !state.contains("Failed")));
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

    /** One row of an export, read strictly: a value of the wrong kind is named with the row it is in. */
    private static final class Row {
        private final JsonNode node;
        private final String where;

        Row(JsonNode node, String where) {
            this.node = node;
            this.where = where;
            if (!node.isObject()) {
                throw problem("is not an object of installedRank, version, script, checksum, ...");
            }
        }

        SwitchoverException problem(String what) {
            String script = node.isObject() && node.path("script").isTextual() ? " (" + node.get("script").asText()
                    + ")" : "";
            return SwitchoverException.badInput(where + script + " " + what);
        }

        String text(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isValueNode()) {
                throw problem("has a " + field + " that is not a text: " + shortened(value));
            }
            return value.asText();
        }

        int rank(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
                throw problem("has " + (value == null ? "no " + field : field + " " + shortened(value)
                        + ", which is not a whole number") + "; Flyway numbers every row it installs");
            }
            return value.intValue();
        }

        Integer checksum() {
            JsonNode value = node.get("checksum");
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw problem("has checksum " + shortened(value) + ", which is not a 32-bit whole number as Flyway"
                        + " computes them (or null)");
            }
            return value.intValue();
        }

        String script() {
            String script = text("script");
            if (script == null || script.isBlank()) {
                throw problem("has no script; every row of Flyway's history names the file it ran");
            }
            return script;
        }

        /** Null for a repeatable migration; otherwise a version Flyway can read, such as 1, 1.2 or 2024_01_01. */
        String version() {
            String version = text("version");
            if (version == null || version.isEmpty()) {
                return null;
            }
            try {
                MigrationVersion.fromVersion(version);
            } catch (FlywayException e) {
                throw problem("has version '" + version + "', which is not a Flyway version (digits separated by dots"
                        + " or underscores)");
            }
            return version;
        }

        boolean success() {
            JsonNode value = node.get("success");
            if (value == null || value.isNull()) {
                return true;
            }
            if (!value.isBoolean()) {
                throw problem("has success " + shortened(value) + "; write true or false");
            }
            return value.booleanValue();
        }

        private static String shortened(JsonNode value) {
            String text = value.toString();
            return text.length() <= 40 ? text : text.substring(0, 39) + "…";
        }
    }
}
