package io.switchover.patterns;

/**
 * One SQL statement that a service issues, with where it came from.
 *
 * @param sql       the statement as the service sends it; JDBC {@code ?} or {@code :named} parameters
 * @param origin    the file and line it was found at
 * @param extractor which extractor found it (for example {@code java-literal}, {@code sql-file})
 */
public record AccessPattern(String sql, Origin origin, String extractor) {
}
