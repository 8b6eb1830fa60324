package io.switchover.mentions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enums a Java or Kotlin file declares and their constants ({@code enum Status { NEW, DONE }},
 * {@code enum class Status(val x: Int) { NEW(1), DONE(2); ... }}): code that maps an enum by name writes its
 * constants' names into the database.
 */
final class EnumDeclarations {

    /** @param constants each constant's name to its offset in the file */
    record Declared(String name, Map<String, Integer> constants) {
    }

    private EnumDeclarations() {
    }

    static List<Declared> in(String text, List<Span> spans) {
        List<Declared> declared = new ArrayList<>();
        for (int k = 0; k < spans.size(); k++) {
            Span span = spans.get(k);
            if (span.kind() != Span.Kind.IDENTIFIER || !text.startsWith("enum", span.start())
                    || span.end() - span.start() != 4) {
                continue;
            }
            int next = k + 1;
            if (next < spans.size() && identifier(text, spans.get(next)).equals("class")) {
                next++;
            }
            if (next >= spans.size() || spans.get(next).kind() != Span.Kind.IDENTIFIER) {
                continue;
            }
            String name = identifier(text, spans.get(next));
            int open = text.indexOf('{', spans.get(next).end());
            if (open < 0) {
                continue;
            }
            declared.add(new Declared(name, constants(text, open + 1)));
        }
        return declared;
    }

    private static String identifier(String text, Span span) {
        return span.kind() == Span.Kind.IDENTIFIER ? text.substring(span.start(), span.end()) : "";
    }

    /** The constants of the body that starts at {@code i}: identifiers at its top level before the first {@code ;}. */
    private static Map<String, Integer> constants(String text, int i) {
        Map<String, Integer> constants = new LinkedHashMap<>();
        int depth = 1;
        boolean expectConstant = true;
        boolean annotation = false;
        int n = text.length();
        while (i < n && depth > 0) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end;
                continue;
            }
            if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && text.charAt(end) != c && text.charAt(end) != '\n') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                i = end + 1;
                continue;
            }
            if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
            } else if (depth == 1 && c == ',') {
                expectConstant = true;
            } else if (depth == 1 && c == ';') {
                break;
            } else if (depth == 1 && c == '@') {
                annotation = true;
            } else if (depth == 1 && Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                if (annotation) {
                    annotation = false;
                } else if (expectConstant) {
                    constants.put(text.substring(i, end), i);
                    expectConstant = false;
                }
                i = end;
                continue;
            }
            i++;
        }
        return constants;
    }
}
