package io.switchover.patterns.jpa;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An annotation as written in Java or Kotlin source, with its arguments reduced to a few value shapes: a
 * {@link String}, a {@link Boolean}, a {@link Symbol} (an enum constant or a constant's name), a {@link Concat} of
 * strings and symbols, a nested {@code SourceAnnotation}, a {@link List} of those, or {@link Unresolved} source text.
 * A single unnamed argument is stored under {@code value}, as Java does; {@code valueLines} gives the line each
 * argument's expression starts at, so a query string can be reported where it is written.
 */
record SourceAnnotation(String name, Map<String, Object> values, Map<String, Integer> valueLines, int line) {

    /** A name in value position: {@code GenerationType.IDENTITY}, {@code IDENTITY}, {@code Queries.FIND}. */
    record Symbol(String text) {
        String simpleName() {
            return text.substring(text.lastIndexOf('.') + 1);
        }
    }

    /** A {@code +} chain of strings and symbols, resolved once every constant of the service is known. */
    record Concat(List<Object> parts) {
        Concat {
            parts = List.copyOf(parts);
        }
    }

    /** A value this reader does not evaluate (a method call, a Kotlin string template...). */
    record Unresolved(String source) {
    }

    SourceAnnotation {
        values = Map.copyOf(values);
        valueLines = Map.copyOf(valueLines);
    }

    int lineOf(String key) {
        return valueLines.getOrDefault(key, line);
    }

    boolean is(String simpleName) {
        return name.equals(simpleName) || name.endsWith("." + simpleName);
    }

    Optional<Object> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A literal string argument; {@code ""} counts as absent, as JPA treats it. */
    Optional<String> string(String key) {
        return value(key).filter(String.class::isInstance).map(String.class::cast).filter(s -> !s.isEmpty());
    }

    boolean flag(String key, boolean otherwise) {
        return value(key).filter(Boolean.class::isInstance).map(Boolean.class::cast).orElse(otherwise);
    }

    /** The simple name of an enum constant argument, such as {@code IDENTITY}. */
    Optional<String> symbol(String key) {
        return value(key).filter(Symbol.class::isInstance).map(v -> ((Symbol) v).simpleName());
    }

    /** Nested annotations of an argument, whether it holds one or an array of them. */
    List<SourceAnnotation> annotations(String key) {
        Object value = values.get(key);
        if (value instanceof SourceAnnotation one) {
            return List.of(one);
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(SourceAnnotation.class::isInstance).map(SourceAnnotation.class::cast).toList();
        }
        return List.of();
    }
}
