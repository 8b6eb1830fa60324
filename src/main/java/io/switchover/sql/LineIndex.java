package io.switchover.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Maps character offsets of a text to 1-based line numbers without rescanning the text for every lookup. */
public final class LineIndex {
    private final List<Integer> lineStarts = new ArrayList<>();

    public LineIndex(String text) {
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    public int lineOf(int offset) {
        int found = Collections.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
