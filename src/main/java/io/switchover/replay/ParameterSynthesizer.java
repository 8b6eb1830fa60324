package io.switchover.replay;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes up one value per parameter from the type of the column it is bound to at S0, so that the same values are
 * sent at every state, as the old service would send them. Where the statement does not tie a parameter to a column,
 * the driver's parameter metadata decides, and failing that a short string, which most databases convert.
 */
public final class ParameterSynthesizer {
    private static final String ENUM_LABELS = "SELECT t.typname, e.enumlabel FROM pg_type t"
            + " JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder";

    /** A valid label of every enum type of the database (PostgreSQL), read once: "x" is no value of an enum. */
    private Map<String, String> enumLabels;

    public List<Object> valuesFor(ProbeStatement statement, SchemaCatalog catalog, Connection connection) {
        if (enumLabels == null) {
            enumLabels = readEnumLabels(connection);
        }
        List<Object> fromSchema = fromSchemaAlone(statement, catalog);
        if (fromSchema != null) {
            return fromSchema;
        }
        int count = countParameters(statement, connection);
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String bound = i < statement.parameterColumns().size() ? statement.parameterColumns().get(i) : null;
            Optional<ColumnInfo> column = bound == null ? Optional.empty() : resolve(bound, statement.tables(), catalog);
            int index = i + 1;
            values.add(column.map(c -> valueOf(c.typeName(), c.jdbcType(), c.size()))
                    .orElseGet(() -> fromMetadata(statement, connection, index)));
        }
        return values;
    }

    /**
     * The values when the schema types every parameter, without asking the database (a server round trip per
     * statement on PostgreSQL); null when it does not.
     */
    private List<Object> fromSchemaAlone(ProbeStatement statement, SchemaCatalog catalog) {
        List<String> bound = statement.parameterColumns();
        if (bound.size() != ScriptStatements.countPlaceholders(statement.jdbcSql())) {
            return null;
        }
        List<Object> values = new ArrayList<>(bound.size());
        for (String column : bound) {
            Optional<ColumnInfo> info = column == null ? Optional.empty() : resolve(column, statement.tables(), catalog);
            if (info.isEmpty()) {
                return null;
            }
            values.add(valueOf(info.get().typeName(), info.get().jdbcType(), info.get().size()));
        }
        return values;
    }

    private static int countParameters(ProbeStatement statement, Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement(statement.jdbcSql())) {
            return ps.getParameterMetaData().getParameterCount();
        } catch (SQLException e) {
            // The statement does not prepare at this state; the probe itself will say why, once every placeholder
            // has a value (else the driver's complaint about a missing value hides the database's).
            return Math.max(statement.parameterColumns().size(), ScriptStatements.countPlaceholders(statement.jdbcSql()));
        }
    }

    private static Optional<ColumnInfo> resolve(String bound, List<String> tables, SchemaCatalog catalog) {
        int dot = bound.lastIndexOf('.');
        if (dot > 0) {
            return catalog.column(bound.substring(0, dot), bound.substring(dot + 1));
        }
        for (String table : tables) {
            Optional<ColumnInfo> column = catalog.column(table, bound);
            if (column.isPresent()) {
                return column;
            }
        }
        return Optional.empty();
    }

    private Object fromMetadata(ProbeStatement statement, Connection connection, int index) {
        try (PreparedStatement ps = connection.prepareStatement(statement.jdbcSql())) {
            ParameterMetaData meta = ps.getParameterMetaData();
            int type = meta.getParameterType(index);
            Object special = special(meta.getParameterTypeName(index), type);
            if (special != null) {
                return special;
            }
            if (type != Types.NULL && type != Types.OTHER && type != Types.JAVA_OBJECT) {
                return valueOf(type, meta.getPrecision(index));
            }
        } catch (SQLException e) {
            // Drivers that cannot describe a parameter get the plain guess below.
        }
        return "1";
    }

    /** A value of a column's type, minding the types whose names say more than their JDBC type. */
    Object valueOf(String typeName, int jdbcType, int size) {
        Object special = special(typeName, jdbcType);
        return special != null ? special : valueOf(jdbcType, size);
    }

    /** Values for uuid, json, arrays and enums, which a short string does not fit; null for other types. */
    private Object special(String typeName, int jdbcType) {
        String type = typeName == null ? "" : typeName.toLowerCase(java.util.Locale.ROOT).replace("\"", "");
        if (type.equals("uuid")) {
            return UUID.fromString("00000000-0000-0000-0000-000000000001");
        }
        if (type.equals("json") || type.equals("jsonb")) {
            return new UntypedValue("{}");
        }
        if (jdbcType == Types.ARRAY || type.startsWith("_") || type.endsWith("[]")) {
            return new UntypedValue("{}");
        }
        String label = enumLabels == null ? null : enumLabels.get(type);
        return label == null ? null : new UntypedValue(label);
    }

    private static Map<String, String> readEnumLabels(Connection connection) {
        Map<String, String> labels = new HashMap<>();
        try {
            if (!"PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
                return labels;
            }
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(ENUM_LABELS)) {
                while (rs.next()) {
                    labels.putIfAbsent(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            // Without the labels an enum parameter gets "x", and its statement is reported as not checkable.
        }
        return labels;
    }

    static Object valueOf(int jdbcType, int size) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> 1;
            case Types.BIGINT -> 1L;
            case Types.DECIMAL, Types.NUMERIC -> BigDecimal.ONE;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> 1.0d;
            case Types.BOOLEAN, Types.BIT -> Boolean.TRUE;
            case Types.DATE -> java.sql.Date.valueOf(LocalDate.of(2020, 1, 1));
            case Types.TIME -> java.sql.Time.valueOf(LocalTime.NOON);
            case Types.TIMESTAMP -> java.sql.Timestamp.valueOf(LocalDateTime.of(2020, 1, 1, 12, 0));
            case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.of(2020, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> new byte[] {1};
            case Types.CHAR, Types.NCHAR -> size > 0 && size < 8 ? "x".repeat(size) : "x";
            // A text column of 36 holds a uuid's text: bound as text, which the column's own type accepts.
            default -> jdbcType == Types.OTHER ? UUID.fromString("00000000-0000-0000-0000-000000000001")
                    : size == 36 ? "00000000-0000-0000-0000-000000000001" : "x";
        };
    }
}
