package io.switchover.replay;

import io.switchover.timeline.SchemaObjects;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads a schema's {@link SchemaObjects} from the database's own catalog (PostgreSQL's {@code pg_catalog}, the
 * {@code information_schema} of H2 and MariaDB). The current schema only, as the catalog of tables. A database this
 * reader does not know, or a catalog query it may not run, gives no objects: what it cannot see it does not report as
 * removed, since both sides of every diff come from the same reader.
 */
final class SchemaObjectsReader {

    private enum Dialect { POSTGRESQL, H2, MARIADB, OTHER }

    SchemaObjects read(Connection connection) throws SQLException {
        Dialect dialect = dialect(connection);
        if (dialect == Dialect.OTHER) {
            return SchemaObjects.none();
        }
        // On PostgreSQL a failed catalog query would abort the migration's transaction: each runs under a savepoint.
        Savepoint guard = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            SchemaObjects objects = switch (dialect) {
                case POSTGRESQL -> postgres(connection);
                case H2 -> h2(connection);
                default -> mariadb(connection);
            };
            if (guard != null) {
                connection.releaseSavepoint(guard);
            }
            return objects;
        } catch (SQLException e) {
            if (guard != null) {
                connection.rollback(guard);
            }
            return SchemaObjects.none();
        }
    }

    private static Dialect dialect(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return Dialect.POSTGRESQL;
        }
        if (product.equals("h2")) {
            return Dialect.H2;
        }
        return product.contains("mariadb") || product.contains("mysql") ? Dialect.MARIADB : Dialect.OTHER;
    }

    private static SchemaObjects postgres(Connection connection) throws SQLException {
        String here = "JOIN pg_namespace n ON n.oid = %s WHERE n.nspname = current_schema()";
        // What an extension brings (PostGIS's thousand functions, text(geometry) among them) is not the schema's own.
        String own = " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '%s'::regclass AND d.objid = %s"
                + " AND d.deptype = 'e')";
        Set<String> routines = names(connection, "SELECT p.proname FROM pg_proc p "
                + String.format(here, "p.pronamespace") + String.format(own, "pg_proc", "p.oid"));
        Set<String> sequences = names(connection, "SELECT c.relname FROM pg_class c "
                + String.format(here, "c.relnamespace") + " AND c.relkind = 'S'" + String.format(own, "pg_class", "c.oid"));
        // Enums, domains, and composite types of their own (not the row type every table has).
        Set<String> types = names(connection, "SELECT t.typname FROM pg_type t " + String.format(here, "t.typnamespace")
                + " AND (t.typtype IN ('e', 'd') OR t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid ="
                + " t.typrelid) = 'c')" + String.format(own, "pg_type", "t.oid"));
        Map<String, Set<String>> values = new HashMap<>();
        rows(connection, "SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
                + String.format(here, "t.typnamespace"), (owner, value) -> add(values, owner.toLowerCase(Locale.ROOT), value));
        rows(connection, "SELECT r.relname, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class r ON r.oid ="
                + " c.conrelid " + String.format(here, "r.relnamespace") + " AND c.contype = 'c'",
                (table, definition) -> list(values, table, definition));
        return new SchemaObjects(routines, sequences, types, values);
    }

    private static SchemaObjects h2(Connection connection) throws SQLException {
        String schema = "= SCHEMA()";
        Set<String> routines = names(connection, "SELECT ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES WHERE"
                + " ROUTINE_SCHEMA " + schema);
        Set<String> sequences = names(connection, "SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES WHERE"
                + " SEQUENCE_SCHEMA " + schema);
        Set<String> types = names(connection, "SELECT DOMAIN_NAME FROM INFORMATION_SCHEMA.DOMAINS WHERE DOMAIN_SCHEMA "
                + schema);
        Map<String, Set<String>> values = new HashMap<>();
        rows(connection, "SELECT OBJECT_NAME || '.' || ENUM_IDENTIFIER, VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES"
                        + " WHERE OBJECT_SCHEMA " + schema + " AND OBJECT_TYPE = 'TABLE'",
                (owner, value) -> add(values, owner.toLowerCase(Locale.ROOT), value));
        rows(connection, "SELECT t.TABLE_NAME, c.CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS c"
                        + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS t ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA"
                        + " AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME WHERE c.CONSTRAINT_SCHEMA " + schema,
                (table, definition) -> list(values, table, definition));
        return new SchemaObjects(routines, sequences, types, values);
    }

    private static SchemaObjects mariadb(Connection connection) throws SQLException {
        String schema = "= DATABASE()";
        Set<String> routines = names(connection, "SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE"
                + " ROUTINE_SCHEMA " + schema);
        Set<String> sequences = names(connection, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA "
                + schema + " AND TABLE_TYPE = 'SEQUENCE'");
        Map<String, Set<String>> values = new HashMap<>();
        rows(connection, "SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME), COLUMN_TYPE FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA " + schema + " AND DATA_TYPE IN ('enum', 'set')",
                (owner, type) -> enumValues(type).forEach(value -> add(values, owner.toLowerCase(Locale.ROOT), value)));
        rows(connection, "SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE"
                + " CONSTRAINT_SCHEMA " + schema, (table, definition) -> list(values, table, definition));
        return new SchemaObjects(routines, sequences, Set.of(), values);
    }

    /** {@code enum('a','it''s')} -> a, it's. */
    private static Set<String> enumValues(String columnType) {
        Set<String> values = new LinkedHashSet<>();
        java.util.regex.Matcher literal = java.util.regex.Pattern.compile("'((?:[^']|'')*)'").matcher(columnType);
        while (literal.find()) {
            values.add(literal.group(1).replace("''", "'"));
        }
        return values;
    }

    private static void list(Map<String, Set<String>> values, String table, String definition) {
        AllowedValueList.parse(definition).ifPresent(list -> list.values().forEach(value ->
                add(values, table.toLowerCase(Locale.ROOT) + "." + list.column(), value)));
    }

    private static void add(Map<String, Set<String>> values, String owner, String value) {
        values.computeIfAbsent(owner, k -> new LinkedHashSet<>()).add(value);
    }

    private static Set<String> names(Connection connection, String sql) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static void rows(Connection connection, String sql, BiConsumer<String, String> row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                row.accept(rs.getString(1), rs.getString(2));
            }
        }
    }
}
