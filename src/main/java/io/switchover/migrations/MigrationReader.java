package io.switchover.migrations;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.snapshot.SkippedFile;
import io.switchover.snapshot.Snapshot;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a snapshot's migrations through Flyway's own resolver, so that naming, versions, order and checksums are
 * exactly Flyway's. Flyway wants a database to report on; an empty private in-memory H2 serves and is gone after.
 */
public final class MigrationReader {

    private final FlywaySettingsReader settingsReader = new FlywaySettingsReader();

    public MigrationSet read(Snapshot snapshot, List<String> explicitLocations) {
        return read(snapshot, explicitLocations, Map.of());
    }

    /**
     * @param explicitLocations {@code --migrations}: wins over the project's Flyway configuration
     * @param placeholders      values for placeholders that only production knows; they win over the project's
     */
    public MigrationSet read(Snapshot snapshot, List<String> explicitLocations, Map<String, String> placeholders) {
        FlywaySettings configured = settingsReader.read(snapshot);
        List<String> locations = MigrationLocations.find(snapshot,
                explicitLocations.isEmpty() ? existing(snapshot, configured.locations()) : explicitLocations);
        Map<String, String> values = new java.util.LinkedHashMap<>(configured.placeholders());
        values.putAll(placeholders);
        requireNothingSkippedUnder(snapshot, locations);
        FlywaySettings settings = configured.withLocations(locations).withPlaceholders(values);
        String url = "jdbc:h2:mem:switchover_info_" + UUID.randomUUID().toString().replace("-", "");
        // Without DB_CLOSE_DELAY the database lives as long as Flyway's connection and vanishes with it.
        try {
            Flyway flyway = configure(snapshot, settings).dataSource(url, "sa", "").load();
            List<Migration> migrations = new ArrayList<>();
            java.util.Set<String> baselines = new java.util.HashSet<>();
            for (MigrationInfo info : flyway.info().all()) {
                if (info.getType().isBaseline()) {
                    baselines.add(pathOf(snapshot, locations, info.getScript()));
                    // B14__x.sql stands in for V1..V14 on a fresh database only; against a history it is not applied,
                    // and it is not a rename of the V14 that production applied.
                    continue;
                }
                String script = info.getScript();
                migrations.add(new Migration(
                        info.getVersion() == null ? null : info.getVersion().getVersion(),
                        info.getDescription(), script, info.getChecksum(), pathOf(snapshot, locations, script)));
            }
            if (migrations.isEmpty()) {
                throw SwitchoverException.badInput("no Flyway migrations in " + snapshot.name() + " under "
                        + String.join(", ", locations) + "; name the folder with --migrations");
            }
            return new MigrationSet(snapshot, settings, List.copyOf(migrations),
                    ignored(snapshot, settings, migrations, baselines));
        } catch (FlywayException e) {
            throw new SwitchoverException(ExitCode.BAD_INPUT, snapshot.name() + ": " + FlywayMessages.firstLine(e)
                    + "; rename or move the file so that Flyway accepts it", e);
        }
    }

    /** The Flyway configuration of a snapshot's migrations, shared by the reader and the replay. */
    static FluentConfiguration configure(Snapshot snapshot, FlywaySettings settings) {
        return configure(MigrationFileProvider.of(snapshot, settings.locations()), settings);
    }

    static FluentConfiguration configure(org.flywaydb.core.api.ResourceProvider resources, FlywaySettings settings) {
        FluentConfiguration configuration = Flyway.configure(MigrationReader.class.getClassLoader())
                .resourceProvider(resources)
                // Flyway's default: a file not named as a migration is skipped, and listed in the report as such
                .validateMigrationNaming(false)
                .failOnMissingLocations(false)
                .skipDefaultCallbacks(true)
                .cleanDisabled(true)
                .table(settings.table())
                .sqlMigrationPrefix(settings.sqlMigrationPrefix())
                .repeatableSqlMigrationPrefix(settings.repeatableSqlMigrationPrefix())
                .sqlMigrationSeparator(settings.sqlMigrationSeparator())
                .sqlMigrationSuffixes(settings.sqlMigrationSuffixes().toArray(String[]::new))
                .placeholderReplacement(settings.placeholderReplacement())
                .placeholderPrefix(settings.placeholderPrefix())
                .placeholderSuffix(settings.placeholderSuffix())
                .placeholders(settings.placeholders());
        if (!settings.schemas().isEmpty()) {
            configuration.schemas(settings.schemas().toArray(String[]::new));
        }
        return configuration;
    }

    /** The SQL files of the locations that are not migrations, nor callbacks Flyway runs by their name. */
    private static List<String> ignored(Snapshot snapshot, FlywaySettings settings, List<Migration> migrations,
                                        java.util.Set<String> baselines) {
        java.util.Set<String> taken = new java.util.HashSet<>(baselines);
        migrations.forEach(m -> taken.add(m.path()));
        List<String> ignored = new ArrayList<>();
        for (String location : settings.locations()) {
            for (String path : snapshot.filesUnder(location)) {
                String name = path.substring(path.lastIndexOf('/') + 1);
                boolean sql = settings.sqlMigrationSuffixes().stream().anyMatch(name::endsWith);
                if (!sql || taken.contains(path) || isCallback(name)) {
                    continue;
                }
                if (looksVersioned(name, settings)) {
                    // A typo that Flyway would skip without a word: the migration would never run in production.
                    throw SwitchoverException.badInput(snapshot.name() + ": " + path + " is named like a migration but"
                            + " is not one (Flyway skips it); name it " + settings.sqlMigrationPrefix() + "<version>"
                            + settings.sqlMigrationSeparator() + "<description>" + name.substring(name.lastIndexOf('.'))
                            + ", or " + settings.repeatableSqlMigrationPrefix() + settings.sqlMigrationSeparator()
                            + "<description>.sql");
                }
                ignored.add(path);
            }
        }
        return List.copyOf(ignored);
    }

    /** A name that starts as a migration's does ({@code V2_...}, {@code R_...}): meant as one, misspelt. */
    private static boolean looksVersioned(String name, FlywaySettings settings) {
        String versioned = java.util.regex.Pattern.quote(settings.sqlMigrationPrefix());
        String repeatable = java.util.regex.Pattern.quote(settings.repeatableSqlMigrationPrefix());
        return name.matches("(" + versioned + "|[UB])\\d.*") || name.matches(repeatable + "_.*");
    }

    /** Flyway's SQL callbacks: {@code beforeMigrate.sql}, {@code afterMigrate__views.sql} and the like. */
    static boolean isCallback(String name) {
        String event = name.contains("__") ? name.substring(0, name.indexOf("__")) : name.replaceFirst("\\.[^.]*$", "");
        return org.flywaydb.core.api.callback.Event.fromId(event) != null;
    }

    /**
     * A migration the snapshot could not list (a link out of it, say) would be missing from the batch while Flyway,
     * which follows links, applies it in production: the check would pass without having seen it.
     */
    private static void requireNothingSkippedUnder(Snapshot snapshot, List<String> locations) {
        for (SkippedFile skipped : snapshot.skipped()) {
            for (String location : locations) {
                if (skipped.path().startsWith(location + "/")) {
                    throw SwitchoverException.badInput(snapshot.name() + ": migration " + skipped.path() + " is "
                            + skipped.reason() + "; switchover reads only the snapshot's own files: put the migration"
                            + " itself there");
                }
            }
        }
    }

    /** Configured locations that the snapshot has; a configuration naming only absent folders falls back to finding. */
    private static List<String> existing(Snapshot snapshot, List<String> configured) {
        return configured.stream().filter(snapshot::isDirectory).toList();
    }

    private static String pathOf(Snapshot snapshot, List<String> locations, String script) {
        for (String location : locations) {
            String path = location + "/" + script;
            if (snapshot.files().contains(path)) {
                return path;
            }
        }
        return script;
    }
}
