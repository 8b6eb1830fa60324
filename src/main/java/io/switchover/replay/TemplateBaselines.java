package io.switchover.replay;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL baselines as template databases on the server, {@code switchover_tpl_<digest>}, each marked with a
 * comment ({@code switchover baseline template; key=...; created=...; fingerprint=...}) that the leftover cleanup of
 * replay databases does not take for its own mark, so a valid template outlives the runs. A check copies one with
 * {@code CREATE DATABASE ... TEMPLATE}, then compares the copy's catalog fingerprint with the mark's: a template
 * changed since (someone connected and altered it) is dropped and made again. A server keeps a few templates, the
 * newest; one without a valid mark that no run is making (a run killed between creating and marking it) is dropped.
 */
final class TemplateBaselines implements BaselineCache.BaselineStore {
    static final String PREFIX = "switchover_tpl_";
    private static final String MARK = "switchover baseline template";
    /** Tables, columns, types, defaults, nullability, views, indexes, constraints, functions, and history rows. */
    private static final String FINGERPRINT = "SELECT md5(coalesce((SELECT string_agg(x, ',' ORDER BY x) FROM ("
            + " SELECT table_schema || '.' || table_name || '.' || column_name || ':' || data_type || ':' || is_nullable"
            + " || ':' || coalesce(column_default, '') AS x FROM information_schema.columns"
            + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
            + " UNION ALL SELECT schemaname || '.' || indexname || ':' || indexdef FROM pg_catalog.pg_indexes"
            + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
            + " UNION ALL SELECT conrelid::regclass::text || ':' || conname || ':' || pg_catalog.pg_get_constraintdef(oid)"
            + " FROM pg_catalog.pg_constraint WHERE connamespace NOT IN ('pg_catalog'::regnamespace,"
            + " 'information_schema'::regnamespace)"
            + " UNION ALL SELECT n.nspname || '.' || p.proname || ':' || md5(p.prosrc) FROM pg_catalog.pg_proc p"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " UNION ALL SELECT 'tables:' || count(*)::text FROM pg_catalog.pg_class c"
            + " WHERE c.relkind = 'r' AND c.relnamespace NOT IN ('pg_catalog'::regnamespace,"
            + " 'information_schema'::regnamespace, 'pg_toast'::regnamespace)) t), ''))";

    private final ServerTemplates server;
    private final int keep;

    TemplateBaselines(ServerTemplates server, int keep) {
        this.server = server;
        this.keep = keep;
    }

    static String name(BaselineKey key) {
        return PREFIX + key.digest().substring(0, 40);
    }

    @Override
    public BaselineCache.Lookup restore(ReplayDatabase db, BaselineKey key, int migrations) {
        String template = name(key);
        List<String> notes = new ArrayList<>();
        try {
            Optional<Mark> mark = Optional.ofNullable(server.list().get(template)).flatMap(Mark::read)
                    .filter(found -> found.key().equals(key.digest()));
            if (mark.isPresent()) {
                server.copyFrom(template);
                String copied = fingerprint(db);
                if (copied.equals(mark.get().fingerprint())) {
                    notes.add("S0 from the baseline cache (template database " + template + " " + server.where()
                            + "): production's " + migrations + " migration" + (migrations == 1 ? "" : "s")
                            + " not replayed again");
                    return new BaselineCache.Lookup(true, mark.get().adapted(), notes, (d, a) -> List.of());
                }
                server.empty();
                server.drop(template);
                notes.add("the baseline template " + template + " " + server.where() + " was changed since it was"
                        + " made: S0 replayed and the template made again");
            }
        } catch (SQLException e) {
            notes.add("baseline template not used (" + DatabaseErrors.of(e) + "): S0 replayed");
            return new BaselineCache.Lookup(false, Map.of(), notes, (d, a) -> List.of());
        }
        return new BaselineCache.Lookup(false, Map.of(), notes, (d, adapted) -> save(d, key, template, adapted));
    }

    private List<String> save(ReplayDatabase db, BaselineKey key, String template,
                              Map<String, java.util.Set<String>> adapted) {
        List<String> notes = new ArrayList<>();
        // The database production was replayed on: a replay that started again (one migration at a time, or with
        // production's extensions) did so on another database than the one the lookup was made for.
        ServerTemplates replayed = db.templates().orElse(server);
        try {
            String fingerprint = fingerprint(db);
            Mark mark = new Mark(key.digest(), Instant.now().truncatedTo(ChronoUnit.SECONDS), fingerprint, adapted);
            replayed.saveAs(template, mark.text());
            notes.add("S0 stored as the baseline template " + template + " " + server.where() + ": the next check"
                    + " with this production replays only the batch");
            notes.addAll(evict(replayed, template));
        } catch (SQLException e) {
            notes.add("S0 not cached: cannot make the template " + template + " " + server.where() + " ("
                    + DatabaseErrors.of(e) + ")");
        }
        return notes;
    }

    /** Keeps the newest templates; drops unmarked ones that no run is making. */
    private List<String> evict(ServerTemplates on, String kept) throws SQLException {
        List<String> notes = new ArrayList<>();
        List<Map.Entry<String, Mark>> valid = new ArrayList<>();
        for (Map.Entry<String, String> template : on.list().entrySet()) {
            Optional<Mark> mark = Mark.read(template.getValue());
            if (mark.isPresent()) {
                valid.add(Map.entry(template.getKey(), mark.get()));
            } else if (!on.beingMade(template.getKey())) {
                on.drop(template.getKey());
                notes.add("removed " + template.getKey() + " " + on.where() + ", a baseline template a killed run"
                        + " left unfinished");
            }
        }
        valid.sort(Comparator.comparing((Map.Entry<String, Mark> entry) -> entry.getValue().created()).reversed());
        for (Map.Entry<String, Mark> old : valid.subList(Math.min(keep, valid.size()), valid.size())) {
            if (!old.getKey().equals(kept)) {
                on.drop(old.getKey());
            }
        }
        return notes;
    }

    static String fingerprint(ReplayDatabase db) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(FINGERPRINT)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * The comment of a template; {@code adapted} (how production's scripts were rewritten for the server, for the
     * report's notes) travels base64-encoded, a script and its changes a line, separated by tabs.
     */
    record Mark(String key, Instant created, String fingerprint, Map<String, java.util.Set<String>> adapted) {
        String text() {
            StringBuilder lines = new StringBuilder();
            adapted.forEach((script, changes) -> lines.append(script.replace('\t', ' ').replace('\n', ' '))
                    .append(changes.stream().map(c -> "\t" + c.replace('\t', ' ').replace('\n', ' '))
                            .collect(java.util.stream.Collectors.joining())).append('\n'));
            return MARK + "; key=" + key + "; created=" + created + "; fingerprint=" + fingerprint + "; adapted="
                    + java.util.Base64.getEncoder().encodeToString(lines.toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static Optional<Mark> read(String comment) {
            if (comment == null || !comment.startsWith(MARK + ";")) {
                return Optional.empty();
            }
            Map<String, String> fields = new HashMap<>();
            for (String field : comment.substring(MARK.length() + 1).split(";")) {
                int equals = field.indexOf('=');
                if (equals > 0) {
                    fields.put(field.substring(0, equals).strip(), field.substring(equals + 1).strip());
                }
            }
            try {
                String key = fields.get("key");
                String fingerprint = fields.get("fingerprint");
                if (key == null || key.length() != 64 || fingerprint == null || fingerprint.isEmpty()) {
                    return Optional.empty();
                }
                Map<String, java.util.Set<String>> adapted = new java.util.LinkedHashMap<>();
                String encoded = new String(java.util.Base64.getDecoder().decode(fields.getOrDefault("adapted", "")),
                        java.nio.charset.StandardCharsets.UTF_8);
                for (String line : encoded.split("\n")) {
                    if (!line.isEmpty()) {
                        String[] parts = line.split("\t");
                        adapted.put(parts[0], new java.util.LinkedHashSet<>(List.of(parts).subList(1, parts.length)));
                    }
                }
                return Optional.of(new Mark(key, Instant.parse(fields.getOrDefault("created", "")), fingerprint,
                        adapted));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
