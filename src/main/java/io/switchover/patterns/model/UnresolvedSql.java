package io.switchover.patterns.model;

/**
 * Something that looks like SQL but cannot be checked, such as {@code "SELECT * FROM " + tableName}, or a whole file
 * of the service that could not be read or parsed: whatever SQL it holds is not checked either.
 *
 * @param fragment the source text as found (Java expression or SQL text), or {@value #WHOLE_FILE}
 * @param reason   why it is not checked, short, for the report
 */
public record UnresolvedSql(Origin origin, String fragment, String reason) {
    public static final String WHOLE_FILE = "(the whole file)";

    /** A file none of whose SQL is checked, such as one JavaParser cannot parse; line 1 where no line is known. */
    public static UnresolvedSql wholeFile(String path, int line, String reason) {
        return new UnresolvedSql(new Origin(path, Math.max(1, line)), WHOLE_FILE, reason);
    }
}
