package io.switchover.migrations;

import io.switchover.sql.SqlWords;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Production's schema on MariaDB as DDL, read from {@code information_schema} with SELECTs alone (no {@code SHOW
 * CREATE}): tables with their columns, keys and checks, sequences, then foreign keys, views each after the views it
 * reads, routines and triggers. MariaDB lists only what the user has some privilege on; a routine whose body it hides
 * is named in a note. No row of data is read.
 */
final class MariaDbSchemaDdl {
    private final Connection connection;
    private final String database;
    private final String historyTable;
    private final List<String> out = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private MariaDbSchemaDdl(Connection connection, String database, String historyTable) {
        this.connection = connection;
        this.database = database;
        this.historyTable = historyTable;
    }

    /** @param database the database to export; null for the connection's */
    static ProductionSchema read(Connection connection, String database, String historyTable, String source)
            throws SQLException {
        String name = database != null ? database : rows(connection, "SELECT DATABASE()").get(0).get(0);
        if (name == null) {
            throw io.switchover.SwitchoverException.badInput("production's URL names no database: give"
                    + " jdbc:mariadb://host:port/<database>");
        }
        MariaDbSchemaDdl ddl = new MariaDbSchemaDdl(connection, name, historyTable);
        ddl.all();
        String version = rows(connection, "SELECT VERSION()").get(0).get(0);
        return new ProductionSchema(ProductionSchema.MARIADB, source + " (database " + name + ", MariaDB " + version
                + ")", List.copyOf(ddl.out), List.copyOf(ddl.notes));
    }

    private void all() throws SQLException {
        List<String> tables = new ArrayList<>();
        for (List<String> row : rows("SELECT TABLE_NAME, TABLE_TYPE, ENGINE FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? ORDER BY CREATE_TIME, TABLE_NAME", database)) {
            if (row.get(0).equalsIgnoreCase(historyTable)) {
                continue;
            }
            if ("SEQUENCE".equals(row.get(1))) {
                out.add("CREATE SEQUENCE " + ident(row.get(0)));
                notes.add("sequence " + row.get(0) + " is exported with MariaDB's default settings");
            } else if ("BASE TABLE".equals(row.get(1))) {
                table(row.get(0), row.get(2));
                tables.add(row.get(0));
            }
        }
        foreignKeys();
        views();
        routines();
        triggers();
    }

    private void table(String table, String engine) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (List<String> c : rows("SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,"
                + " GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                + " ORDER BY ORDINAL_POSITION", database, table)) {
            String extra = c.get(4) == null ? "" : c.get(4).toUpperCase(Locale.ROOT);
            StringBuilder column = new StringBuilder(ident(c.get(0))).append(' ').append(c.get(1));
            if (extra.contains("GENERATED") && c.get(5) != null) {
                column.append(" GENERATED ALWAYS AS (").append(unqualified(c.get(5))).append(')')
                        .append(extra.contains("VIRTUAL") ? " VIRTUAL" : " STORED");
            } else {
                column.append("NO".equals(c.get(2)) ? " NOT NULL" : " NULL");
                if (c.get(3) != null) {
                    column.append(" DEFAULT ").append(c.get(3));
                }
                if (extra.contains("AUTO_INCREMENT")) {
                    column.append(" AUTO_INCREMENT");
                }
                int onUpdate = extra.indexOf("ON UPDATE ");
                if (onUpdate >= 0) {
                    column.append(' ').append(c.get(4).substring(onUpdate));
                }
            }
            if (extra.contains("INVISIBLE")) {
                column.append(" INVISIBLE");
            }
            parts.add(column.toString());
        }
        Map<String, List<List<String>>> keys = new LinkedHashMap<>();
        for (List<String> k : rows("SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE, COLLATION"
                + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                + " ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX", database, table)) {
            keys.computeIfAbsent(k.get(0), x -> new ArrayList<>()).add(k);
        }
        for (Map.Entry<String, List<List<String>>> key : keys.entrySet()) {
            List<String> first = key.getValue().get(0);
            List<String> columns = key.getValue().stream().map(k -> ident(k.get(2))
                    + (k.get(3) == null ? "" : "(" + k.get(3) + ")") + ("D".equals(k.get(5)) ? " DESC" : "")).toList();
            String kind = key.getKey().equals("PRIMARY") ? "PRIMARY KEY"
                    : "FULLTEXT".equals(first.get(4)) ? "FULLTEXT KEY " + ident(key.getKey())
                    : "SPATIAL".equals(first.get(4)) ? "SPATIAL KEY " + ident(key.getKey())
                    : "0".equals(first.get(1)) ? "UNIQUE KEY " + ident(key.getKey()) : "KEY " + ident(key.getKey());
            parts.add(kind + " (" + String.join(", ", columns) + ")");
        }
        for (List<String> check : rows("SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ? ORDER BY CONSTRAINT_NAME", database, table)) {
            parts.add("CONSTRAINT " + ident(check.get(0)) + " CHECK (" + unqualified(check.get(1)) + ")");
        }
        out.add("CREATE TABLE " + ident(table) + " (" + String.join(", ", parts) + ")"
                + (engine == null ? "" : " ENGINE=" + engine));
    }

    private void foreignKeys() throws SQLException {
        Map<String, List<List<String>>> keys = new LinkedHashMap<>();
        for (List<String> k : rows("SELECT r.TABLE_NAME, r.CONSTRAINT_NAME, r.REFERENCED_TABLE_NAME, r.UPDATE_RULE,"
                + " r.DELETE_RULE, u.COLUMN_NAME, u.REFERENCED_COLUMN_NAME"
                + " FROM information_schema.REFERENTIAL_CONSTRAINTS r JOIN information_schema.KEY_COLUMN_USAGE u"
                + " ON u.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND u.CONSTRAINT_NAME = r.CONSTRAINT_NAME"
                + " AND u.TABLE_NAME = r.TABLE_NAME"
                + " WHERE r.CONSTRAINT_SCHEMA = ? ORDER BY r.TABLE_NAME, r.CONSTRAINT_NAME, u.ORDINAL_POSITION",
                database)) {
            keys.computeIfAbsent(k.get(0) + "\n" + k.get(1), x -> new ArrayList<>()).add(k);
        }
        for (List<List<String>> key : keys.values()) {
            List<String> first = key.get(0);
            out.add("ALTER TABLE " + ident(first.get(0)) + " ADD CONSTRAINT " + ident(first.get(1)) + " FOREIGN KEY ("
                    + String.join(", ", key.stream().map(k -> ident(k.get(5))).toList()) + ") REFERENCES "
                    + ident(first.get(2)) + " (" + String.join(", ", key.stream().map(k -> ident(k.get(6))).toList())
                    + ") ON UPDATE " + first.get(3) + " ON DELETE " + first.get(4));
        }
    }

    /** Views, each after the views whose names its definition holds. */
    private void views() throws SQLException {
        Map<String, String> views = new LinkedHashMap<>();
        for (List<String> v : rows("SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION FROM information_schema.VIEWS"
                + " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME", database)) {
            if (v.get(1) == null || v.get(1).isBlank()) {
                notes.add("view " + v.get(0) + " is not exported: its definition is hidden from this user (grant SHOW"
                        + " VIEW)");
                continue;
            }
            String check = "NONE".equals(v.get(2)) || v.get(2) == null ? "" : " WITH " + v.get(2) + " CHECK OPTION";
            views.put(v.get(0), unqualified(v.get(1)) + check);
        }
        Set<String> done = new LinkedHashSet<>();
        for (String view : views.keySet()) {
            view(view, views, done, new LinkedHashSet<>());
        }
    }

    private void view(String view, Map<String, String> views, Set<String> done, Set<String> visiting) {
        if (done.contains(view) || !visiting.add(view)) {
            return;
        }
        for (String other : views.keySet()) {
            if (!other.equals(view) && SqlWords.namesAny(views.get(view), Set.of(other.toLowerCase(Locale.ROOT)))) {
                view(other, views, done, visiting);
            }
        }
        done.add(view);
        out.add("CREATE VIEW " + ident(view) + " AS " + views.get(view));
    }

    private void routines() throws SQLException {
        for (List<String> r : rows("SELECT SPECIFIC_NAME, ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER,"
                + " ROUTINE_DEFINITION, IS_DETERMINISTIC, SQL_DATA_ACCESS FROM information_schema.ROUTINES"
                + " WHERE ROUTINE_SCHEMA = ? ORDER BY CREATED, ROUTINE_NAME", database)) {
            if (r.get(4) == null) {
                notes.add(r.get(2).toLowerCase(Locale.ROOT) + " " + r.get(1) + " is not exported: its body is hidden"
                        + " from this user");
                continue;
            }
            List<String> parameters = new ArrayList<>();
            for (List<String> p : rows("SELECT PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER"
                    + " FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ? AND SPECIFIC_NAME = ?"
                    + " AND ORDINAL_POSITION > 0 ORDER BY ORDINAL_POSITION", database, r.get(0))) {
                boolean procedure = "PROCEDURE".equals(r.get(2));
                parameters.add((procedure && p.get(0) != null ? p.get(0) + " " : "") + ident(p.get(1)) + " "
                        + p.get(2));
            }
            String head = "CREATE " + r.get(2) + " " + ident(r.get(1)) + "(" + String.join(", ", parameters) + ")"
                    + ("FUNCTION".equals(r.get(2)) ? " RETURNS " + r.get(3) : "")
                    + ("YES".equals(r.get(5)) ? " DETERMINISTIC" : " NOT DETERMINISTIC")
                    + (r.get(6) == null ? "" : " " + r.get(6));
            out.add(delimited(head + "\n" + r.get(4)));
        }
    }

    private void triggers() throws SQLException {
        for (List<String> t : rows("SELECT TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, EVENT_OBJECT_TABLE,"
                + " ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?"
                + " ORDER BY EVENT_OBJECT_TABLE, ACTION_ORDER", database)) {
            out.add(delimited("CREATE TRIGGER " + ident(t.get(0)) + " " + t.get(1) + " " + t.get(2) + " ON "
                    + ident(t.get(3)) + " FOR EACH ROW " + t.get(4)));
        }
    }

    /** A routine's or trigger's body holds semicolons: the script gives it a delimiter of its own. */
    private static String delimited(String statement) {
        return "DELIMITER $$\n" + statement + "$$\nDELIMITER ;";
    }

    /** The text without {@code `database`.} before the names in it, as MariaDB writes view definitions. */
    private String unqualified(String text) {
        return text.replace(ident(database) + ".", "");
    }

    static String ident(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    private List<List<String>> rows(String sql, String... parameters) throws SQLException {
        return rows(connection, sql, parameters);
    }

    private static List<List<String>> rows(Connection connection, String sql, String... parameters)
            throws SQLException {
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
}
