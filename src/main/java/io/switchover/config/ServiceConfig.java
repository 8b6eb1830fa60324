package io.switchover.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One service that uses the database.
 *
 * @param repository     its git repository (absolute), when the file names one; else the migrations' repository
 * @param production     where its production version comes from
 * @param ownsMigrations whether it is promoted with the migrations (its candidate is the candidate snapshot); when
 *                       not said, a service owns them when its repository is the migrations' repository
 * @param capturedSql    statements captured from production (pg_stat_statements exports, statement logs)
 */
public record ServiceConfig(String name, Optional<Path> repository, List<String> sources,
                            Optional<VersionSource> production, Optional<Boolean> ownsMigrations,
                            List<Path> capturedSql) {
}
