package io.switchover.config;

import java.nio.file.Path;

/**
 * Where a key of a {@code switchover.yml} is: the file, the line and the key as written ({@code
 * services[1].production.tag}), so that a complaint or the report can point at it.
 */
public record ConfigPlace(Path file, int line, String key) {

    /** {@code switchover.yml:4: production.history}, as the file's other errors name their place. */
    @Override
    public String toString() {
        return file.getFileName() + ":" + line + ": " + key;
    }
}
