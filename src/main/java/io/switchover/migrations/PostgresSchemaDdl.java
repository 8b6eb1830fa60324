package io.switchover.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Production's schema on PostgreSQL as DDL, read from the catalog with SELECTs alone, as {@code pg_dump
 * --schema-only} would write it for one schema: extensions, enum, composite and domain types, sequences, tables
 * (partitions too) without their defaults, functions and procedures, then the defaults, constraints, foreign keys,
 * views in the order they depend on each other, indexes and triggers. Names are left unqualified, so the DDL loads into
 * whatever schema the replay uses. No row of data is read; grants, policies, rules and comments are left out.
 */
final class PostgresSchemaDdl {
    private final Connection connection;
    private final String schema;
    private final String historyTable;
    private final List<String> out = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private PostgresSchemaDdl(Connection connection, String schema, String historyTable) {
        this.connection = connection;
        this.schema = schema;
        this.historyTable = historyTable;
    }

    /**
     * @param schema the schema to export; null for the connection's current schema
     */
    static ProductionSchema read(Connection connection, String schema, String historyTable, String source)
            throws SQLException {
        String name = schema != null ? schema : single(connection, "SELECT current_schema()");
        // pg_get_*def print names of the search path unqualified: make it the exported schema alone (a SELECT).
        single(connection, "SELECT set_config('search_path', " + literal(name) + ", false)");
        PostgresSchemaDdl ddl = new PostgresSchemaDdl(connection, name, historyTable);
        ddl.all();
        String version = single(connection, "SELECT current_setting('server_version')");
        return new ProductionSchema(ProductionSchema.POSTGRESQL, source + " (schema " + name + ", PostgreSQL "
                + version + ")", List.copyOf(ddl.out), List.copyOf(ddl.notes));
    }

    private void all() throws SQLException {
        // Function bodies may name tables that come later, as pg_dump's scripts do.
        out.add("SET check_function_bodies = false");
        extensions();
        types();
        sequences();
        Map<Long, String> tables = tables();
        functions();
        defaults(tables);
        ownedSequences();
        constraints(false);
        constraints(true);
        views();
        indexes();
        triggers();
        left();
    }

    private void extensions() throws SQLException {
        for (List<String> row : rows("SELECT e.extname FROM pg_extension e WHERE e.extname <> 'plpgsql'"
                + " ORDER BY e.extname")) {
            out.add("CREATE EXTENSION IF NOT EXISTS " + ident(row.get(0)));
        }
    }

    private void types() throws SQLException {
        // One pass in the order they were made: a domain over an enum, a composite of a domain.
        for (List<String> row : rows("SELECT t.typname, t.typtype::text,"
                + " (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)"
                + "    FROM pg_enum e WHERE e.enumtypid = t.oid),"
                + " format_type(t.typbasetype, t.typtypmod), t.typnotnull::text, t.typdefault,"
                + " (SELECT string_agg(' CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid),"
                + "    '' ORDER BY c.conname) FROM pg_constraint c WHERE c.contypid = t.oid),"
                + " (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', '"
                + "    ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0"
                + "    AND NOT a.attisdropped)"
                + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " LEFT JOIN pg_class r ON r.oid = t.typrelid"
                + " WHERE n.nspname = ? AND (t.typtype IN ('e', 'd') OR t.typtype = 'c' AND r.relkind = 'c')"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')"
                + " ORDER BY t.oid", schema)) {
            String name = ident(row.get(0));
            switch (row.get(1)) {
                case "e" -> out.add("CREATE TYPE " + name + " AS ENUM (" + nullToEmpty(row.get(2)) + ")");
                case "d" -> out.add("CREATE DOMAIN " + name + " AS " + row.get(3)
                        + (row.get(5) == null ? "" : " DEFAULT " + row.get(5))
                        + ("true".equals(row.get(4)) ? " NOT NULL" : "") + nullToEmpty(row.get(6)));
                default -> out.add("CREATE TYPE " + name + " AS (" + nullToEmpty(row.get(7)) + ")");
            }
        }
    }

    private void sequences() throws SQLException {
        // Identity columns make their own sequences.
        for (List<String> row : rows("SELECT c.relname, format_type(s.seqtypid, NULL), s.seqincrement::text,"
                + " s.seqmin::text, s.seqmax::text, s.seqstart::text, s.seqcache::text, s.seqcycle::text"
                + " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('i', 'e'))"
                + " ORDER BY c.oid", schema)) {
            out.add("CREATE SEQUENCE " + ident(row.get(0)) + " AS " + row.get(1) + " INCREMENT BY " + row.get(2)
                    + " MINVALUE " + row.get(3) + " MAXVALUE " + row.get(4) + " START WITH " + row.get(5)
                    + " CACHE " + row.get(6) + ("true".equals(row.get(7)) ? " CYCLE" : " NO CYCLE"));
        }
    }

    /** The tables and partitioned tables, parents before their partitions; by oid, their names. */
    private Map<Long, String> tables() throws SQLException {
        Map<Long, String> tables = new LinkedHashMap<>();
        for (List<String> row : rows("SELECT c.oid::text, c.relname, c.relkind::text, pg_get_partkeydef(c.oid),"
                + " c.relispartition::text, pg_get_expr(c.relpartbound, c.oid),"
                + " (SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent"
                + "    WHERE i.inhrelid = c.oid LIMIT 1), c.relpersistence::text"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relname <> ?"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')"
                + " ORDER BY c.relispartition, c.oid", schema, historyTable)) {
            long oid = Long.parseLong(row.get(0));
            String name = ident(row.get(1));
            tables.put(oid, row.get(1));
            String unlogged = "u".equals(row.get(7)) ? "UNLOGGED " : "";
            if ("true".equals(row.get(4)) && row.get(6) != null) {
                out.add("CREATE " + unlogged + "TABLE " + name + " PARTITION OF " + ident(row.get(6)) + " "
                        + row.get(5) + ("p".equals(row.get(2)) ? " PARTITION BY " + row.get(3) : ""));
                continue;
            }
            List<String> columns = new ArrayList<>();
            for (List<String> column : rows("SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
                    + " a.attnotnull::text, a.attidentity::text, a.attgenerated::text, pg_get_expr(d.adbin, d.adrelid)"
                    + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
                    row.get(0))) {
                StringBuilder c = new StringBuilder(ident(column.get(0))).append(' ').append(column.get(1));
                if ("a".equals(column.get(3))) {
                    c.append(" GENERATED ALWAYS AS IDENTITY");
                } else if ("d".equals(column.get(3))) {
                    c.append(" GENERATED BY DEFAULT AS IDENTITY");
                } else if ("s".equals(column.get(4))) {
                    c.append(" GENERATED ALWAYS AS (").append(column.get(5)).append(") STORED");
                }
                if ("true".equals(column.get(2))) {
                    c.append(" NOT NULL");
                }
                columns.add(c.toString());
            }
            out.add("CREATE " + unlogged + "TABLE " + name + " (" + String.join(", ", columns) + ")"
                    + ("p".equals(row.get(2)) ? " PARTITION BY " + row.get(3) : ""));
        }
        return tables;
    }

    private void functions() throws SQLException {
        for (List<String> row : rows("SELECT pg_get_functiondef(p.oid) FROM pg_proc p"
                + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ? AND p.prokind IN ('f', 'p')"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')"
                + " ORDER BY p.oid", schema)) {
            out.add(unqualified(row.get(0).strip()));
        }
        int aggregates = count("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE n.nspname = ? AND p.prokind = 'a'");
        if (aggregates > 0) {
            notes.add(aggregates + " aggregate function(s) are not exported");
        }
    }

    private void defaults(Map<Long, String> tables) throws SQLException {
        for (List<String> row : rows("SELECT c.relname, a.attname, pg_get_expr(d.adbin, d.adrelid)"
                + " FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
                + " JOIN pg_class c ON c.oid = d.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attgenerated = '' AND NOT a.attisdropped"
                + " AND NOT c.relispartition AND c.relname <> ? ORDER BY c.oid, a.attnum", schema, historyTable)) {
            if (tables.containsValue(row.get(0))) {
                out.add("ALTER TABLE " + ident(row.get(0)) + " ALTER COLUMN " + ident(row.get(1)) + " SET DEFAULT "
                        + unqualified(row.get(2)));
            }
        }
    }

    private void ownedSequences() throws SQLException {
        for (List<String> row : rows("SELECT s.relname, t.relname, a.attname FROM pg_depend d"
                + " JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'"
                + " JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
                + " JOIN pg_namespace n ON n.oid = s.relnamespace WHERE n.nspname = ? AND d.deptype = 'a'"
                + " AND t.relname <> ? ORDER BY s.oid", schema, historyTable)) {
            out.add("ALTER SEQUENCE " + ident(row.get(0)) + " OWNED BY " + ident(row.get(1)) + "."
                    + ident(row.get(2)));
        }
    }

    /** Primary keys, unique, check and exclusion constraints; or, with {@code foreign}, the foreign keys. */
    private void constraints(boolean foreign) throws SQLException {
        for (List<String> row : rows("SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k"
                + " JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname <> ? AND k.conislocal AND k.contype IN "
                + (foreign ? "('f')" : "('p', 'u', 'c', 'x')")
                + " ORDER BY c.oid, k.contype <> 'p', k.conname", schema, historyTable)) {
            out.add("ALTER TABLE " + ident(row.get(0)) + " ADD CONSTRAINT " + ident(row.get(1)) + " "
                    + unqualified(row.get(2)));
        }
    }

    /** Views and materialized views (without data), each after those it reads. */
    private void views() throws SQLException {
        Map<Long, List<String>> views = new LinkedHashMap<>();
        for (List<String> row : rows("SELECT c.oid::text, c.relname, c.relkind::text, pg_get_viewdef(c.oid)"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('v', 'm')"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')"
                + " ORDER BY c.oid", schema)) {
            views.put(Long.parseLong(row.get(0)), row);
        }
        Map<Long, Set<Long>> reads = new HashMap<>();
        for (List<String> row : rows("SELECT DISTINCT r.ev_class::text, d.refobjid::text FROM pg_depend d"
                + " JOIN pg_rewrite r ON r.oid = d.objid WHERE d.classid = 'pg_rewrite'::regclass"
                + " AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class")) {
            long view = Long.parseLong(row.get(0));
            if (views.containsKey(view)) {
                reads.computeIfAbsent(view, k -> new LinkedHashSet<>()).add(Long.parseLong(row.get(1)));
            }
        }
        Set<Long> done = new LinkedHashSet<>();
        for (Long view : views.keySet()) {
            view(view, views, reads, done, new LinkedHashSet<>());
        }
    }

    private void view(Long oid, Map<Long, List<String>> views, Map<Long, Set<Long>> reads, Set<Long> done,
                      Set<Long> visiting) {
        if (done.contains(oid) || !visiting.add(oid)) {
            return;
        }
        for (Long read : reads.getOrDefault(oid, Set.of())) {
            if (views.containsKey(read)) {
                view(read, views, reads, done, visiting);
            }
        }
        done.add(oid);
        List<String> row = views.get(oid);
        String body = unqualified(row.get(3).strip());
        body = body.endsWith(";") ? body.substring(0, body.length() - 1) : body;
        out.add("m".equals(row.get(2))
                ? "CREATE MATERIALIZED VIEW " + ident(row.get(1)) + " AS " + body + " WITH NO DATA"
                : "CREATE VIEW " + ident(row.get(1)) + " AS " + body);
    }

    /** Indexes that back no constraint, once for a partitioned table (its partitions get theirs from it). */
    private void indexes() throws SQLException {
        for (List<String> row : rows("SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i"
                + " JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
                + " WHERE n.nspname = ? AND t.relname <> ? AND t.relkind IN ('r', 'p', 'm')"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid"
                + "    AND k.contype IN ('p', 'u', 'x'))"
                + " AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)"
                + " ORDER BY i.indexrelid", schema, historyTable)) {
            out.add(unqualified(row.get(0)).replace(" ON ONLY ", " ON "));
        }
    }

    private void triggers() throws SQLException {
        for (List<String> row : rows("SELECT pg_get_triggerdef(g.oid) FROM pg_trigger g"
                + " JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND NOT g.tgisinternal AND g.tgparentid = 0 ORDER BY g.oid", schema)) {
            out.add(unqualified(row.get(0)));
        }
    }

    /** What the export does not carry, said once each. */
    private void left() throws SQLException {
        int policies = count("SELECT count(*) FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?");
        if (policies > 0) {
            notes.add(policies + " row-level security polic(ies) are not exported");
        }
        int rules = count("SELECT count(*) FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND r.rulename <> '_RETURN'");
        if (rules > 0) {
            notes.add(rules + " rule(s) (CREATE RULE) are not exported");
        }
    }

    /** The definition without the exported schema's name before the names in it (outside literals). */
    private String unqualified(String definition) {
        String prefix = ident(schema) + ".";
        StringBuilder out = new StringBuilder(definition.length());
        int i = 0;
        while (i < definition.length()) {
            char c = definition.charAt(i);
            if (c == '\'') {
                int end = definition.indexOf('\'', i + 1);
                while (end > 0 && end + 1 < definition.length() && definition.charAt(end + 1) == '\'') {
                    end = definition.indexOf('\'', end + 2);
                }
                end = end < 0 ? definition.length() : end + 1;
                out.append(definition, i, end);
                i = end;
            } else if (definition.startsWith(prefix, i)
                    && (i == 0 || !Character.isLetterOrDigit(definition.charAt(i - 1)) && definition.charAt(i - 1) != '_'
                    && definition.charAt(i - 1) != '"' && definition.charAt(i - 1) != '.')) {
                i += prefix.length();
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private int count(String sql) throws SQLException {
        return Integer.parseInt(rows(sql, schema).get(0).get(0));
    }

    private List<List<String>> rows(String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<List<String>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getString(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A name as PostgreSQL's quote_ident writes it: bare when it is lower case and plain, else double-quoted. */
    static String ident(String name) {
        if (name.matches("[a-z_][a-z0-9_$]*") && !Reserved.WORDS.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** PostgreSQL's reserved key words, which quote_ident quotes. */
    private static final class Reserved {
        static final Set<String> WORDS = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
                "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create",
                "current_catalog", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
                "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for",
                "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral",
                "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or",
                "order", "placing", "primary", "references", "returning", "select", "session_user", "some",
                "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union", "unique", "user",
                "using", "variadic", "when", "where", "window", "with", "authorization", "binary", "collation",
                "concurrently", "cross", "current_schema", "freeze", "full", "ilike", "inner", "is", "isnull", "join",
                "left", "like", "natural", "notnull", "outer", "overlaps", "right", "similar", "tablesample",
                "verbose");
    }
}
