package io.switchover.mentions;

/**
 * A run of a source file where a name can be mentioned, and in what way: {@code [start, end)} offsets into the text.
 * A literal part of a string with templates ({@code "select * from $table where a = 1"}) is a span of its own, and
 * {@code [outerStart, outerEnd)} is the whole string, which tells whether the part is SQL or a name.
 */
record Span(Kind kind, int start, int end, int outerStart, int outerEnd) {

    Span(Kind kind, int start, int end) {
        this(kind, start, end, start, end);
    }

    boolean isPart() {
        return outerStart != start || outerEnd != end;
    }

    enum Kind {
        /** The content of a string literal of code, or of a quoted value in markup or configuration. */
        STRING,
        /** An identifier of code (a generated jOOQ name, an enum constant). */
        IDENTIFIER,
        /** SQL text, or markup text and configuration values, outside comments. */
        TEXT
    }
}
