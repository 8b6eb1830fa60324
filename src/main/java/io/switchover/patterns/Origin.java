package io.switchover.patterns;

/** Where an access pattern comes from: a file of the snapshot and a 1-based line. */
public record Origin(String path, int line) {
    @Override
    public String toString() {
        return path + ":" + line;
    }
}
