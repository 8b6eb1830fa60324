package io.switchover.patterns.model;

/**
 * Where an access pattern comes from: a file of the snapshot and its 1-based first line. {@code lastLine} is the last
 * line of the source text it was read from (a concatenation over several lines, a text block, a mapper element), so
 * that a place in the file can be told to lie inside it; it equals {@code line} when not known.
 */
public record Origin(String path, int line, int lastLine) {

    public Origin {
        lastLine = Math.max(line, lastLine);
    }

    public Origin(String path, int line) {
        this(path, line, line);
    }

    /** Whether the line of this file lies within the source this origin spans. */
    public boolean spans(String file, int atLine) {
        return path.equals(file) && atLine >= line && atLine <= lastLine;
    }

    @Override
    public String toString() {
        return path + ":" + line;
    }
}
