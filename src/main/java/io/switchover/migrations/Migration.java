package io.switchover.migrations;

import java.util.Objects;

/**
 * One Flyway migration as Flyway sees it.
 *
 * @param version     the version for a versioned migration, {@code null} for a repeatable one
 * @param description Flyway's description (underscores become spaces)
 * @param script      the script name relative to its location, as Flyway records it in its history
 * @param checksum    Flyway's checksum of the script
 * @param path        the file's path relative to the snapshot root
 */
public record Migration(String version, String description, String script, Integer checksum, String path) {

    public boolean isRepeatable() {
        return version == null;
    }

    /** The key Flyway matches applied and resolved migrations on: the version, or the description of a repeatable. */
    public String identity() {
        return isRepeatable() ? "R:" + description : "V:" + version;
    }

    public boolean sameContentAs(Migration other) {
        return Objects.equals(checksum, other.checksum);
    }
}
