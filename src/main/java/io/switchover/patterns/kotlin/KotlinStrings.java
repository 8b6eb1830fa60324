package io.switchover.patterns.kotlin;

import java.util.ArrayList;
import java.util.List;

/** Kotlin's {@code String.trimIndent()} and {@code String.trimMargin()}, as the standard library defines them. */
final class KotlinStrings {

    private KotlinStrings() {
    }

    static String trimIndent(String text) {
        List<String> lines = withoutBlankEnds(text);
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(KotlinStrings::indentOf).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.isBlank() ? "" : line.substring(Math.min(indent, line.length())));
        }
        return String.join("\n", out);
    }

    static String trimMargin(String text, String marginPrefix) {
        List<String> out = new ArrayList<>();
        for (String line : withoutBlankEnds(text)) {
            String stripped = line.stripLeading();
            out.add(!marginPrefix.isEmpty() && stripped.startsWith(marginPrefix)
                    ? stripped.substring(marginPrefix.length()) : line);
        }
        return String.join("\n", out);
    }

    private static List<String> withoutBlankEnds(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }
}
