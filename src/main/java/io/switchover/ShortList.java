package io.switchover;

import java.util.List;

/** Names in a one-line message: the first few, and how many more ({@code a, b, c and 4 more}). */
public final class ShortList {

    private ShortList() {
    }

    public static String of(List<String> names, int shown) {
        return String.join(", ", names.subList(0, Math.min(shown, names.size())))
                + (names.size() > shown ? " and " + (names.size() - shown) + " more" : "");
    }
}
