package io.switchover.replay;

import io.switchover.sql.SqlText;
import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.TableInfo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes up one value per parameter from the type of the column it is bound to at S0, so that the same values are
 * sent at every state, as the old service would send them. Where the statement does not tie a parameter to a column,
 * the driver's parameter metadata decides, and failing that a short string, which most databases convert. Each value
 * fits its type: a timestamp, an interval, a range, an address, bits of the declared length, a label of the enum, a
 * value the domain's checks accept (see {@link PostgresLiterals}, {@link PostgresDomains},
 * {@link MariaDbColumnValues}), so that no probe fails on a value the old code would never send.
 */
public final class ParameterSynthesizer {
    private static final String ENUM_LABELS = "SELECT t.typname, e.enumlabel FROM pg_type t"
            + " JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder";
    /** PostgreSQL's names of the types a short string fits as it is. */
    private static final Set<String> TEXT_TYPES = Set.of("varchar", "text", "bpchar", "char", "name");
    private static final Set<String> NUMERIC_TYPES = Set.of("int2", "int4", "int8", "numeric", "float4", "float8");

    /** The database the knowledge below is of: a synthesizer may serve several replays, one database each. */
    private String database;
    private boolean postgres;
    /** A valid label of every enum type of the database (PostgreSQL): "x" is no value of an enum. */
    private Map<String, String> enumLabels = Map.of();
    private PostgresDomains domains = new PostgresDomains();
    private MariaDbColumnValues mariaDb = new MariaDbColumnValues();
    /** Type names not known when first met, for which the schema's types were read again (a step may add them). */
    private final Set<String> lookedUpAgain = new HashSet<>();

    public List<Object> valuesFor(ProbeStatement statement, SchemaCatalog catalog, Connection connection) {
        know(connection);
        List<Object> fromSchema = fromSchemaAlone(statement, catalog, connection);
        if (fromSchema != null) {
            return fromSchema;
        }
        int count = countParameters(statement, connection);
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String bound = i < statement.parameterColumns().size() ? statement.parameterColumns().get(i) : null;
            Optional<BoundColumn> column = bound == null ? Optional.empty() : resolve(bound, statement.tables(), catalog);
            int index = i + 1;
            values.add(column.map(c -> forColumn(c, connection))
                    .orElseGet(() -> fromMetadata(statement, catalog, connection, index)));
        }
        return values;
    }

    /** A column a parameter is bound to, and its table. */
    record BoundColumn(String table, ColumnInfo column) {
    }

    /**
     * The values when the schema types every parameter, without asking the database (a server round trip per
     * statement on PostgreSQL); null when it does not.
     */
    private List<Object> fromSchemaAlone(ProbeStatement statement, SchemaCatalog catalog, Connection connection) {
        List<String> bound = statement.parameterColumns();
        if (bound.size() != SqlText.countPlaceholders(statement.jdbcSql())) {
            return null;
        }
        List<Object> values = new ArrayList<>(bound.size());
        for (String column : bound) {
            Optional<BoundColumn> info = column == null ? Optional.empty() : resolve(column, statement.tables(), catalog);
            if (info.isEmpty()) {
                return null;
            }
            values.add(forColumn(info.get(), connection));
        }
        return values;
    }

    private static int countParameters(ProbeStatement statement, Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement(statement.jdbcSql())) {
            return ps.getParameterMetaData().getParameterCount();
        } catch (SQLException e) {
            // The statement does not prepare at this state; the probe itself will say why, once every placeholder
            // has a value (else the driver's complaint about a missing value hides the database's).
            return Math.max(statement.parameterColumns().size(), SqlText.countPlaceholders(statement.jdbcSql()));
        }
    }

    static Optional<BoundColumn> resolve(String bound, List<String> tables, SchemaCatalog catalog) {
        int dot = bound.lastIndexOf('.');
        if (dot > 0) {
            String table = bound.substring(0, dot);
            return catalog.column(table, bound.substring(dot + 1)).map(c -> new BoundColumn(table, c));
        }
        for (String table : tables) {
            Optional<ColumnInfo> column = catalog.column(table, bound);
            if (column.isPresent()) {
                return Optional.of(new BoundColumn(table, column.get()));
            }
        }
        return Optional.empty();
    }

    private Object forColumn(BoundColumn bound, Connection connection) {
        Optional<Object> own = mariaDb.valueOf(bound.table(), bound.column().name());
        if (own.isPresent()) {
            return own.get();
        }
        ColumnInfo c = bound.column();
        return valueOf(c.typeName(), c.jdbcType(), c.size(), c.decimals(), connection);
    }

    private Object fromMetadata(ProbeStatement statement, SchemaCatalog catalog, Connection connection, int index) {
        try (PreparedStatement ps = connection.prepareStatement(statement.jdbcSql())) {
            ParameterMetaData meta = ps.getParameterMetaData();
            int type = meta.getParameterType(index);
            String name = meta.getParameterTypeName(index);
            int size = meta.getPrecision(index);
            int decimals = meta.getScale(index);
            if (size <= 0) {
                // PostgreSQL describes a parameter without its length or scale: a column of that type that the
                // statement names has them (bit(3) takes three bits, numeric(3,3) less than 1).
                Optional<ColumnInfo> named = namedColumnOfType(statement, catalog, name);
                size = named.map(ColumnInfo::size).orElse(size);
                decimals = named.map(ColumnInfo::decimals).orElse(decimals);
            }
            Object special = special(name, type, size, decimals, connection);
            if (special != null) {
                return special;
            }
            if (type != Types.NULL && type != Types.OTHER && type != Types.JAVA_OBJECT) {
                return valueOf(type, size, decimals);
            }
        } catch (SQLException e) {
            // Drivers that cannot describe a parameter get the plain guess below.
        }
        // Untyped, PostgreSQL reads it as whatever the parameter's place needs.
        return postgres ? new UntypedValue("1") : "1";
    }

    /** A column of a table the statement uses, named in it, of the type; the first such. */
    private static Optional<ColumnInfo> namedColumnOfType(ProbeStatement statement, SchemaCatalog catalog,
                                                          String typeName) {
        if (typeName == null) {
            return Optional.empty();
        }
        for (String table : statement.tables()) {
            Optional<TableInfo> info = catalog.table(table);
            Set<String> named = statement.columns().get(table);
            if (info.isEmpty() || named == null) {
                continue;
            }
            for (ColumnInfo column : info.get().columns()) {
                if (named.contains(column.name()) && typeName.equalsIgnoreCase(column.typeName())) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }

    /** A value of a column's type, minding the types whose names say more than their JDBC type. */
    Object valueOf(String typeName, int jdbcType, int size, int decimals, Connection connection) {
        Object special = special(typeName, jdbcType, size, decimals, connection);
        return special != null ? special : valueOf(jdbcType, size, decimals);
    }

    /** Values for the types a short string or a number does not fit; null for other types. */
    private Object special(String typeName, int jdbcType, int size, int decimals, Connection connection) {
        String type = PostgresLiterals.bare(typeName);
        if (postgres) {
            Optional<Object> literal = PostgresLiterals.of(type, size, decimals);
            if (literal.isPresent()) {
                return literal.get();
            }
            if (!enumLabels.containsKey(type) && !domains.isDomain(type) && unknown(type, jdbcType)
                    && lookedUpAgain.add(type)) {
                readTypes(connection);
            }
            String label = enumLabels.get(type);
            if (label != null) {
                return new UntypedValue(label);
            }
            if (domains.isDomain(type)) {
                return domains.valueOf(type, connection, this::baseText).orElseGet(() -> new UntypedValue("1"));
            }
            return null;
        }
        switch (type) {
            case "uuid":
                // MariaDB's UUID type reads its text; H2's takes the object.
                return jdbcType == Types.OTHER && !isH2(connection) ? PostgresLiterals.A_UUID.toString()
                        : PostgresLiterals.A_UUID;
            case "inet6":
                return "::1";
            case "inet4":
                return "192.0.2.1";
            case "year":
                return 2020;
            case "json", "jsonb":
                return new UntypedValue("{}");
            default:
                break;
        }
        if (jdbcType == Types.ARRAY || type.endsWith("[]") || type.endsWith(" array")) {
            return new UntypedValue("{}");
        }
        return null;
    }

    /** A type PostgreSQL reports that none of the names known here is: the schema may have gained it at this step. */
    private static boolean unknown(String type, int jdbcType) {
        return jdbcType == Types.DISTINCT || jdbcType == Types.OTHER
                || jdbcType == Types.VARCHAR && !TEXT_TYPES.contains(type);
    }

    /** The text of a value of a domain's base type, for the database to try against the domain's checks. */
    private Optional<String> baseText(String type, int jdbcType) {
        if (enumLabels.containsKey(type)) {
            return Optional.of(enumLabels.get(type));
        }
        Optional<Object> literal = PostgresLiterals.of(type, 0, 0);
        if (literal.isPresent() && literal.get() instanceof UntypedValue untyped) {
            return Optional.of(untyped.text());
        }
        if (NUMERIC_TYPES.contains(type)) {
            return Optional.of("1");
        }
        return type.equals("bool") ? Optional.of("true") : Optional.empty();
    }

    private void know(Connection connection) {
        String url;
        try {
            url = connection.getMetaData().getURL();
        } catch (SQLException e) {
            url = "";
        }
        if (url != null && url.equals(database)) {
            return;
        }
        database = url;
        lookedUpAgain.clear();
        try {
            postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            postgres = false;
        }
        readTypes(connection);
        mariaDb = MariaDbColumnValues.read(connection);
    }

    private void readTypes(Connection connection) {
        enumLabels = readEnumLabels(connection);
        domains = PostgresDomains.read(connection);
    }

    private static boolean isH2(Connection connection) {
        try {
            return "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return false;
        }
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
        return valueOf(jdbcType, size, 0);
    }

    static Object valueOf(int jdbcType, int size, int decimals) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> 1;
            case Types.BIGINT -> 1L;
            // A numeric whose digits are all decimals holds less than 1: its smallest step fits.
            case Types.DECIMAL, Types.NUMERIC -> size > 0 && size <= decimals ? BigDecimal.ONE.movePointLeft(decimals)
                    : BigDecimal.ONE;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> 1.0d;
            case Types.BOOLEAN, Types.BIT -> Boolean.TRUE;
            case Types.DATE -> java.sql.Date.valueOf(LocalDate.of(2020, 1, 1));
            case Types.TIME -> java.sql.Time.valueOf(LocalTime.NOON);
            case Types.TIMESTAMP -> java.sql.Timestamp.valueOf(LocalDateTime.of(2020, 1, 1, 12, 0));
            case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.of(2020, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> new byte[] {1};
            case Types.CHAR, Types.NCHAR -> size > 0 && size < 8 ? "x".repeat(size) : "x";
            // A text column of 36 holds a uuid's text: bound as text, which the column's own type accepts.
            default -> jdbcType == Types.OTHER ? PostgresLiterals.A_UUID
                    : size == 36 ? "00000000-0000-0000-0000-000000000001" : "x";
        };
    }
}
