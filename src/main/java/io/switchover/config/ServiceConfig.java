package io.switchover.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One service that uses the database.
 *
 * @param repository     its git repository (absolute; may be the migrations' own)
 * @param production     where its production version comes from
 * @param ownsMigrations whether it is promoted with the migrations (its candidate is the candidate snapshot); when
 *                       not said, a service owns them when its repository is the migrations' repository
 * @param capturedSql    statements captured from production (pg_stat_statements exports, statement logs)
 */
public record ServiceConfig(String name, Path repository, List<String> sources, Optional<VersionSource> production,
                            Optional<Boolean> ownsMigrations, List<Path> capturedSql) {
}
