package io.switchover.config;

/**
 * Where the version production runs comes from: a git ref, the newest tag matching a pattern, or an HTTP(S) endpoint
 * that returns the deployed commit.
 */
public sealed interface VersionSource {

    record GitRef(String ref) implements VersionSource {
    }

    record NewestTag(String pattern) implements VersionSource {
    }

    record Endpoint(String url) implements VersionSource {
    }
}
