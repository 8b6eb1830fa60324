package io.switchover.migrations;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlywaySettingsReaderTest {
    private final FlywaySettingsReader reader = new FlywaySettingsReader();

    @Test
    void readsFlywayConf() {
        FlywaySettings settings = reader.read(new InMemorySnapshot("app")
                .with("flyway.conf", """
                        flyway.locations=filesystem:sql/migrations
                        flyway.table=schema_version
                        flyway.schemas=app,audit
                        flyway.placeholders.owner=app_owner
                        flyway.sqlMigrationPrefix=M
                        flyway.outOfOrder=true
                        """)
                .with("sql/migrations/M1__init.sql", "CREATE TABLE t (id INT);"));

        assertEquals(List.of("sql/migrations"), settings.locations());
        assertEquals("schema_version", settings.table());
        assertEquals(List.of("app", "audit"), settings.schemas());
        assertEquals(Map.of("owner", "app_owner"), settings.placeholders());
        assertEquals("M", settings.sqlMigrationPrefix());
        assertTrue(settings.outOfOrder());
        assertEquals("flyway.conf", settings.source());
    }

    @Test
    void readsFlywayToml() {
        FlywaySettings settings = reader.read(new InMemorySnapshot("app")
                .with("flyway.toml", """
                        [environments.prod]
                        url = "jdbc:postgresql://prod/app"

                        [flyway]
                        locations = ["filesystem:database/migrations"]   # where the team keeps them
                        table = "history"

                        [flyway.placeholders]
                        owner = "app_owner"
                        """)
                .with("database/migrations/V1__init.sql", "CREATE TABLE t (id INT);"));

        assertEquals(List.of("database/migrations"), settings.locations());
        assertEquals("history", settings.table());
        assertEquals(Map.of("owner", "app_owner"), settings.placeholders());
    }

    @Test
    void readsSpringBootPropertiesWithRelaxedNamesAndClasspathLocations() {
        FlywaySettings settings = reader.read(new InMemorySnapshot("app")
                .with("src/main/resources/application.properties", """
                        spring.application.name=orders
                        spring.flyway.locations=classpath:db/changes
                        spring.flyway.sql-migration-separator=___
                        spring.flyway.placeholders.tenant=acme
                        spring.flyway.out-of-order=true
                        """)
                .with("src/main/resources/db/changes/V1___init.sql", "CREATE TABLE t (id INT);"));

        assertEquals(List.of("src/main/resources/db/changes"), settings.locations());
        assertEquals("___", settings.sqlMigrationSeparator());
        assertEquals(Map.of("tenant", "acme"), settings.placeholders());
        assertTrue(settings.outOfOrder());
    }

    @Test
    void readsSpringBoot1sFlywayKeysWhichBoot2MovedUnderSpringFlyway() {
        InMemorySnapshot boot1 = new InMemorySnapshot("app")
                .with("src/main/resources/application.properties", """
                        flyway.locations=classpath:db/migration
                        flyway.schemas=referencedata
                        flyway.sql-migration-prefix=
                        spring.datasource.url=${DATABASE_URL}
                        """)
                .with("src/main/resources/db/migration/20170206205240748__initial_schema.sql", "CREATE TABLE t (id INT);")
                .with("src/main/resources/db/migration/20170207234903470__rename.sql", "ALTER TABLE t RENAME TO u;");

        FlywaySettings settings = reader.read(boot1);
        MigrationSet set = new MigrationReader().read(boot1, List.of());

        assertEquals("", settings.sqlMigrationPrefix());
        assertEquals(List.of("referencedata"), settings.schemas());
        assertEquals(List.of("20170206205240748", "20170207234903470"),
                set.migrations().stream().map(Migration::version).toList());
    }

    @Test
    void springBoot2sKeyWinsOverBoot1sWhenAFileHasBoth() {
        FlywaySettings settings = reader.read(new InMemorySnapshot("app")
                .with("src/main/resources/application.properties", """
                        spring.flyway.table=boot2_history
                        flyway.table=boot1_history
                        """));

        assertEquals("boot2_history", settings.table());
    }

    @Test
    void readsSpringBootYaml() {
        FlywaySettings settings = reader.read(new InMemorySnapshot("app")
                .with("src/main/resources/application.yml", """
                        spring:
                          flyway:
                            locations:
                              - classpath:db/migration/common
                            table: flyway_history
                            placeholders:
                              tenant: acme
                        """)
                .with("src/main/resources/db/migration/common/V1__init.sql", "CREATE TABLE t (id INT);"));

        assertEquals(List.of("src/main/resources/db/migration/common"), settings.locations());
        assertEquals("flyway_history", settings.table());
        assertEquals(Map.of("tenant", "acme"), settings.placeholders());
    }

    @Test
    void fallsBackToFlywaysDefaults() {
        FlywaySettings settings = reader.read(new InMemorySnapshot("app").with("db/migration/V1__init.sql", "SELECT 1;"));

        assertEquals(FlywaySettings.defaults(), settings);
    }

    @Test
    void readsMigrationsNamedAsTheProjectConfiguresThem() {
        MigrationSet set = new MigrationReader().read(new InMemorySnapshot("app")
                .with("flyway.conf", "flyway.locations=filesystem:sql\nflyway.sqlMigrationPrefix=M\n")
                .with("sql/M1__init.sql", "CREATE TABLE t (id INT);")
                .with("sql/M2__more.sql", "ALTER TABLE t ADD COLUMN c INT;"), List.of());

        assertEquals(List.of("M1__init.sql", "M2__more.sql"), set.migrations().stream().map(Migration::script).toList());
    }

    @Test
    void namesTheMigrationAndThePlaceholderThatHasNoValue() {
        InMemorySnapshot production = new InMemorySnapshot("prod").with("db/migration/V1__init.sql", "CREATE TABLE t (id INT);");
        InMemorySnapshot candidate = production.next("candidate")
                .with("db/migration/V2__grant.sql", "GRANT SELECT ON t TO ${reporting_role};");
        MigrationReader migrations = new MigrationReader();
        Batch batch = new BatchPlanner().plan(migrations.read(production, List.of()), migrations.read(candidate, List.of()));

        SwitchoverException error = assertThrows(SwitchoverException.class, () -> PlaceholderCheck.requireValues(batch));

        assertEquals(ExitCode.BAD_INPUT, error.exitCode());
        assertEquals("V2__grant.sql uses placeholder ${reporting_role}, which has no value; give it in switchover.yml"
                + " (placeholders: reporting_role: ...) or in the environment (FLYWAY_PLACEHOLDERS_REPORTING_ROLE)",
                error.getMessage());

        Batch withValue = new BatchPlanner().plan(migrations.read(production, List.of()),
                migrations.read(candidate, List.of(), Map.of("reporting_role", "reporting")));
        PlaceholderCheck.requireValues(withValue);
    }

    @Test
    void aPlaceholderWithoutAValueInApplicationYmlIsTheEmptyStringAsSpringBootBindsIt() {
        FlywaySettings settings = reader.read(new InMemorySnapshot("app")
                .with("src/main/resources/application.yml", """
                        spring:
                          flyway:
                            placeholders:
                              ignoreIfProd:
                              owner: app
                        """)
                .with("src/main/resources/db/migration/V1__init.sql", "${ignoreIfProd} SELECT 1;"));

        assertEquals(Map.of("ignoreIfProd", "", "owner", "app"), settings.placeholders());
    }

    @Test
    void anApplicationYmlNestedThousandsDeepIsBadInputInsteadOfAStackOverflow() {
        io.switchover.SwitchoverException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.switchover.SwitchoverException.class, () -> reader.read(new InMemorySnapshot("app").with(
                        "src/main/resources/application.yml", "spring: " + "[".repeat(20_000) + "]".repeat(20_000))));

        assertEquals("src/main/resources/application.yml:1: nested more than 32 levels deep", e.getMessage());
    }
}
