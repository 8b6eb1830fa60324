package io.switchover.migrations;

import io.switchover.SwitchoverException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the part of TOML that {@code flyway.toml} files use: {@code [table]} headers, {@code key = value} with strings,
 * booleans, numbers and arrays of strings (also spread over lines). Keys come out dotted, arrays comma-joined, so that
 * they read like {@code flyway.conf}. Environment tables ({@code [environments.*]}) are kept but unused.
 */
final class TomlSubset {
    private TomlSubset() {
    }

    static Map<String, String> flatten(String text, String source) {
        Map<String, String> keys = new LinkedHashMap<>();
        String table = "";
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw SwitchoverException.badInput(source + ":" + (i + 1) + ": unclosed table header " + line);
                }
                table = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw SwitchoverException.badInput(source + ":" + (i + 1) + ": expected key = value, found " + line);
            }
            String key = unquote(line.substring(0, eq).strip());
            StringBuilder value = new StringBuilder(line.substring(eq + 1).strip());
            while (value.toString().startsWith("[") && !value.toString().endsWith("]") && i + 1 < lines.length) {
                value.append(' ').append(stripComment(lines[++i]).strip());
            }
            keys.put(table.isEmpty() ? key : table + "." + key, value(value.toString()));
        }
        return keys;
    }

    private static String value(String raw) {
        if (raw.startsWith("[") && raw.endsWith("]")) {
            List<String> items = new ArrayList<>();
            for (String item : raw.substring(1, raw.length() - 1).split(",")) {
                if (!item.isBlank()) {
                    items.add(unquote(item.strip()));
                }
            }
            return String.join(",", items);
        }
        return unquote(raw);
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == quote) {
                    quoted = false;
                }
            } else if (c == '"' || c == '\'') {
                quoted = true;
                quote = c;
            } else if (c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
