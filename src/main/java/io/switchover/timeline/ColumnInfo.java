package io.switchover.timeline;

/** One column as the database describes it. {@code jdbcType} is a {@link java.sql.Types} constant. */
public record ColumnInfo(String name, String typeName, int jdbcType, int size, int decimals, boolean nullable,
                         String defaultValue) {

    /**
     * Whether an INSERT that omits the column gets a value other than NULL from it. A default of NULL is none:
     * MariaDB's catalog says {@code NULL} for every nullable column without one, PostgreSQL {@code NULL::text} for an
     * explicit {@code DEFAULT NULL}.
     */
    public boolean hasDefault() {
        return defaultValue != null && !defaultValue.isBlank()
                && !NULL_DEFAULT.matcher(defaultValue.strip()).matches();
    }

    private static final java.util.regex.Pattern NULL_DEFAULT = java.util.regex.Pattern.compile(
            "(?i)\\(?NULL\\)?(::[\\w\\s\".\\[\\]()]+)?");

    /** The column's type as the rules reason about it. */
    public ColumnKind kind() {
        return ColumnKind.of(jdbcType);
    }

    /** The type as a person writes it, e.g. {@code VARCHAR(100)}. */
    public String typeLabel() {
        return switch (jdbcType) {
            case java.sql.Types.VARCHAR, java.sql.Types.CHAR, java.sql.Types.NVARCHAR, java.sql.Types.NCHAR ->
                    size > 0 && size < Integer.MAX_VALUE ? typeName + "(" + size + ")" : typeName;
            case java.sql.Types.DECIMAL, java.sql.Types.NUMERIC -> typeName + "(" + size + "," + decimals + ")";
            default -> typeName;
        };
    }
}
