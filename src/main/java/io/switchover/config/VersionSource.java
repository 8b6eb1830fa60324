package io.switchover.config;

/**
 * Where the version production runs comes from: a git ref, the newest tag matching a pattern, an HTTP(S) endpoint
 * that returns the deployed commit, or a directory.
 */
public sealed interface VersionSource {

    record GitRef(String ref) implements VersionSource {
    }

    record NewestTag(String pattern) implements VersionSource {
    }

    record Endpoint(String url) implements VersionSource {
    }

    /** A directory holding that version (for local checks and samples), resolved against the config's folder. */
    record Directory(java.nio.file.Path path) implements VersionSource {
    }
}
