package io.switchover.patterns;

import io.switchover.sql.OneLine;

/** Shortens source text for the report: one line, bounded length. */
final class Fragments {
    private static final int MAX_LENGTH = 160;

    private Fragments() {
    }

    static String shorten(String text) {
        String oneLine = OneLine.of(text);
        return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH - 1) + "…";
    }
}
