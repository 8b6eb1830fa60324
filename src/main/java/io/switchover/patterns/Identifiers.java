package io.switchover.patterns;

import java.util.Locale;

/** Normalises SQL identifiers the way PostgreSQL folds them: unquoted ones to lower case, quoted ones kept exactly. */
final class Identifiers {

    private Identifiers() {
    }

    static String normalize(String identifier) {
        if (identifier == null) {
            return null;
        }
        String name = identifier.strip();
        if (name.length() >= 2 && quoted(name)) {
            return name.substring(1, name.length() - 1);
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static boolean quoted(String name) {
        char first = name.charAt(0);
        char last = name.charAt(name.length() - 1);
        return (first == '"' && last == '"') || (first == '`' && last == '`') || (first == '[' && last == ']');
    }
}
