package io.switchover.timeline;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A database's complaint in one line, with its SQLSTATE and the kind of failure it means. */
public record DatabaseError(String sqlState, int vendorCode, String message, FailureKind kind) {
    private static final int MAX_LENGTH = 240;

    /** The error a driver reported, its message cut to one line and its kind read from its codes. */
    public static DatabaseError of(String sqlState, int vendorCode, String driverMessage) {
        FailureKind kind = FailureKind.of(sqlState, vendorCode);
        if ("55000".equals(sqlState) && driverMessage != null
                && driverMessage.contains("is not yet defined in this session")) {
            kind = FailureKind.SESSION_STATE; // currval, lastval (55000 also stands for states of the schema)
        }
        return new DatabaseError(sqlState, vendorCode, oneLine(driverMessage), kind);
    }

    /** The first line of a driver message, without H2's echo of the whole statement. */
    public static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = message.strip().split("\\R", 2)[0];
        int echo = line.indexOf("; SQL statement:");
        if (echo > 0) {
            line = line.substring(0, echo);
        }
        // MariaDB's driver prefixes its connection number, PostgreSQL the severity: noise in a report
        line = line.strip().replaceFirst("^\\(conn=\\d+\\)\\s*", "").replaceFirst("^(ERROR|FATAL):\\s+", "");
        // H2 quotes a whole failing statement with its newlines escaped: keep one readable line
        line = line.replace("\\000a", " ").replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 3) + "...";
    }

    /**
     * The table or view the database says does not exist, without its schema, lower case; empty for another failure or
     * a message that does not name it (PostgreSQL {@code relation "x" does not exist}, H2 {@code Table "X" not found},
     * MariaDB {@code Table 'db.x' doesn't exist}).
     */
    public Optional<String> missingRelation() {
        if (kind != FailureKind.UNDEFINED_TABLE) {
            return Optional.empty();
        }
        Matcher m = MISSING_RELATION.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return Optional.of(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    }

    private static final Pattern MISSING_RELATION = Pattern.compile(
            "relation \"([^\"]+)\" does not exist|Table \"([^\"]+)\" not found|Table '([^']+)' doesn't exist");

    /**
     * The column the database names in its message, lower case (PostgreSQL {@code column "x"}, H2 {@code Column 'X'},
     * MariaDB {@code Field 'x'}); empty when it names none.
     */
    public Optional<String> namedColumn() {
        Matcher m = NAMED_COLUMN.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return Optional.of(name.toLowerCase(Locale.ROOT));
    }

    private static final Pattern NAMED_COLUMN = Pattern.compile(
            "column \"([^\"]+)\"|Column '([^']+)'|Field '([^']+)'", Pattern.CASE_INSENSITIVE);

    @Override
    public String toString() {
        return message + " (" + sqlState + ")";
    }
}
