package io.switchover.patterns.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One SQL statement that a service issues, with where it came from.
 *
 * @param sql                the statement as the service sends it; JDBC {@code ?} or {@code :named} parameters
 * @param origin             the file and line it was found at
 * @param extractor          which extractor found it (for example {@code java-literal}, {@code sql-file})
 * @param nullableParameters the parameters the code may bind NULL to, by position (0-based, in the order JDBC numbers
 *                           them once {@code :named} ones are positional), each with why: a field of a type that
 *                           holds null, a Kotlin value that may be null, a {@code null} passed as the value
 */
public record AccessPattern(String sql, Origin origin, String extractor, Map<Integer, String> nullableParameters) {

    public AccessPattern {
        nullableParameters = Collections.unmodifiableMap(new TreeMap<>(nullableParameters));
    }

    public AccessPattern(String sql, Origin origin, String extractor) {
        this(sql, origin, extractor, Map.of());
    }

    /** The same statement, with the parameters the code may bind NULL to. */
    public AccessPattern withNullableParameters(Map<Integer, String> nullable) {
        return new AccessPattern(sql, origin, extractor, nullable);
    }
}
