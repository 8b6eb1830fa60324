package io.switchover.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pipeline's switchover.yml over the repository's: the pipeline's values win, each says where it came from. */
class ConfigMergeTest {
    private static final Path PIPELINE = Path.of("/ci/switchover.yml");
    private static final Path REPOSITORY = Path.of("/checkout/switchover.yml");
    private final ConfigReader reader = new ConfigReader();

    private final SwitchoverConfig repository = reader.parse(REPOSITORY, """
            migrations:
              locations: [db/migration]
            placeholders:
              schema: people
              role: app
            order: code-first
            services:
              - name: person-service
                sources: [src/main/java]
                owns-migrations: true
              - name: newsletter
                sources: [newsletter/src/main/java]
            rules:
              locking-ddl: off
              type-change-may-not-fit: error
            """);
    private final SwitchoverConfig pipeline = reader.parse(PIPELINE, """
            production:
              history: jdbc:postgresql://prod-db/people
            placeholders:
              role: reporting
            order: migrate-first
            services:
              - name: newsletter
                repository: /srv/newsletter
                production:
                  tag: newsletter-v*
              - name: billing
                repository: /srv/billing
                production:
                  ref: main
            rules:
              locking-ddl: warning
            """);

    @Test
    void thePipelinesValuesWinAndTheRepositorysFillIn() {
        SwitchoverConfig merged = ConfigMerge.merge(pipeline, repository);

        assertEquals(PIPELINE, merged.file());
        assertEquals(List.of("db/migration"), merged.locations());
        assertEquals(Optional.of("jdbc:postgresql://prod-db/people"), merged.history());
        assertEquals(Map.of("schema", "people", "role", "reporting"), merged.placeholders());
        assertEquals(Optional.of("migrate-first"), merged.order());
        assertEquals(Map.of("locking-ddl", "warning", "type-change-may-not-fit", "error"), merged.rules());
    }

    @Test
    void servicesMergeByNameKeyByKey() {
        SwitchoverConfig merged = ConfigMerge.merge(pipeline, repository);

        assertEquals(List.of("person-service", "newsletter", "billing"),
                merged.services().stream().map(ServiceConfig::name).toList());
        ServiceConfig newsletter = merged.services().get(1);
        assertEquals(List.of("newsletter/src/main/java"), newsletter.sources());
        assertEquals(Optional.of(Path.of("/srv/newsletter")), newsletter.repository());
        assertEquals(Optional.of(new VersionSource.NewestTag("newsletter-v*")), newsletter.production());
        assertEquals(Optional.of(true), merged.services().get(0).ownsMigrations());
    }

    @Test
    void eachValueKeepsThePlaceItCameFrom() {
        SwitchoverConfig merged = ConfigMerge.merge(pipeline, repository);

        assertEquals(Optional.of(new ConfigPlace(PIPELINE, 2, "production.history")),
                merged.place(ConfigKeys.HISTORY));
        assertEquals(Optional.of(new ConfigPlace(PIPELINE, 10, "services[0].production.tag")),
                merged.place(ConfigKeys.serviceProduction("newsletter")));
        assertEquals(Optional.of(new ConfigPlace(PIPELINE, 12, "services[1].repository")),
                merged.place(ConfigKeys.serviceRepository("billing")));
    }
}
