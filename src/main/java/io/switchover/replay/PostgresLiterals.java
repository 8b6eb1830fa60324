package io.switchover.replay;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A value of each PostgreSQL type that a short string or a number does not fit, by the type's name as the catalog
 * and the driver give it ({@code timestamptz}, {@code int4range}, {@code _text}): sent untyped, so that PostgreSQL
 * reads it with the type's own input function, as it would read the old code's value.
 */
final class PostgresLiterals {
    static final UUID A_UUID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static final Map<String, String> LITERALS = Map.ofEntries(
            Map.entry("timestamptz", "2020-01-01 12:00:00+00"),
            Map.entry("timestamp", "2020-01-01 12:00:00"),
            Map.entry("date", "2020-01-01"),
            Map.entry("time", "12:00:00"),
            Map.entry("timetz", "12:00:00+00"),
            Map.entry("interval", "1 day"),
            Map.entry("inet", "192.0.2.1"),
            Map.entry("cidr", "192.0.2.0/24"),
            Map.entry("macaddr", "08:00:2b:01:02:03"),
            Map.entry("macaddr8", "08:00:2b:01:02:03:04:05"),
            Map.entry("money", "1.00"),
            Map.entry("varbit", "1"),
            Map.entry("json", "{}"),
            Map.entry("jsonb", "{}"),
            Map.entry("jsonpath", "$"),
            Map.entry("xml", "<x/>"),
            Map.entry("int4range", "[1,2)"),
            Map.entry("int8range", "[1,2)"),
            Map.entry("numrange", "[1,2)"),
            Map.entry("daterange", "[2020-01-01,2020-01-02)"),
            Map.entry("tsrange", "[\"2020-01-01 00:00\",\"2020-01-02 00:00\")"),
            Map.entry("tstzrange", "[\"2020-01-01 00:00+00\",\"2020-01-02 00:00+00\")"),
            Map.entry("int4multirange", "{[1,2)}"),
            Map.entry("int8multirange", "{[1,2)}"),
            Map.entry("nummultirange", "{[1,2)}"),
            Map.entry("datemultirange", "{[2020-01-01,2020-01-02)}"),
            Map.entry("tsmultirange", "{[\"2020-01-01 00:00\",\"2020-01-02 00:00\")}"),
            Map.entry("tstzmultirange", "{[\"2020-01-01 00:00+00\",\"2020-01-02 00:00+00\")}"),
            Map.entry("point", "(1,1)"),
            Map.entry("line", "{1,-1,0}"),
            Map.entry("lseg", "[(0,0),(1,1)]"),
            Map.entry("box", "(1,1),(0,0)"),
            Map.entry("path", "[(0,0),(1,1)]"),
            Map.entry("polygon", "((0,0),(1,1),(1,0))"),
            Map.entry("circle", "<(0,0),1>"),
            Map.entry("tsvector", "x"),
            Map.entry("tsquery", "x"),
            Map.entry("hstore", "a=>1"),
            Map.entry("ltree", "a"),
            Map.entry("citext", "x"),
            Map.entry("pg_lsn", "0/1"),
            Map.entry("oid", "1"));

    private PostgresLiterals() {
    }

    /**
     * A value for a type known by name, or empty for the types a plain JDBC value fits (numbers, text, booleans,
     * bytes) and for the types of the schema itself (enums, domains), which the database has to be asked about.
     *
     * @param size     the declared length ({@code bit(3)}), or precision of a numeric
     * @param decimals the declared scale of a numeric
     */
    static Optional<Object> of(String typeName, int size, int decimals) {
        String type = bare(typeName);
        if (type.startsWith("_") || type.endsWith("[]")) {
            return Optional.of(new UntypedValue("{}"));
        }
        if (type.equals("uuid")) {
            return Optional.of(A_UUID);
        }
        if (type.equals("bit")) {
            return Optional.of(new UntypedValue("1".repeat(Math.max(1, Math.min(size, 64)))));
        }
        if (type.equals("numeric") && size > 0 && size <= decimals) {
            // numeric(3,3) holds less than 1: the smallest step it has fits.
            return Optional.of(BigDecimal.ONE.movePointLeft(decimals));
        }
        String literal = LITERALS.get(type);
        return literal == null ? Optional.empty() : Optional.of(new UntypedValue(literal));
    }

    /** The type's name as the catalog keys it: lower case, without quotes or schema. */
    static String bare(String typeName) {
        String type = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT).replace("\"", "").strip();
        int dot = type.lastIndexOf('.');
        return dot >= 0 ? type.substring(dot + 1) : type;
    }
}
