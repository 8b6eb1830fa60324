package io.switchover.patterns;

/**
 * Something that looks like SQL but cannot be checked, such as {@code "SELECT * FROM " + tableName}.
 *
 * @param fragment the source text as found (Java expression or SQL text)
 * @param reason   why it is not checked, short, for the report
 */
public record UnresolvedSql(Origin origin, String fragment, String reason) {
}
