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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a snapshot's migrations through Flyway's own resolver, so that naming, versions, order and checksums are
 * exactly Flyway's. Flyway wants a database to report on; an empty private in-memory H2 serves and is gone after.
 */
public final class MigrationReader {

    private final FlywaySettingsReader settingsReader = new FlywaySettingsReader();
    private final String vendor;

    /**
     * How a snapshot's Java migrations are replayed.
     *
     * @param classpath  the built artifact whose classes run, when the pipeline gives it
     * @param option     the option that gives it, for the report ({@code --classpath}, {@code --prod-classpath})
     * @param production whether the snapshot is production's, which may lack a location the candidate adds
     */
    public record JavaReplay(Optional<ClassArtifact> classpath, String option, boolean production) {
        public static JavaReplay candidate(Optional<ClassArtifact> classpath) {
            return new JavaReplay(classpath, "--classpath", false);
        }

        public static JavaReplay production(Optional<ClassArtifact> classpath) {
            return new JavaReplay(classpath, "--prod-classpath", true);
        }
    }

    public MigrationReader() {
        this(FlywayLocations.DEFAULT_VENDOR);
    }

    /** @param vendor the replay engine's database, for Spring Boot's {@code {vendor}} in locations */
    public MigrationReader(String vendor) {
        this.vendor = vendor;
    }

    public MigrationSet read(Snapshot snapshot, List<String> explicitLocations) {
        return read(snapshot, explicitLocations, Map.of());
    }

    public MigrationSet read(Snapshot snapshot, List<String> explicitLocations, Map<String, String> placeholders) {
        return read(snapshot, explicitLocations, placeholders, JavaReplay.candidate(Optional.empty()));
    }

    /**
     * @param explicitLocations {@code --migrations}: wins over the project's Flyway configuration
     * @param placeholders      values for placeholders that only production knows; they win over the project's
     * @param java              how its Java migrations are replayed
     */
    public MigrationSet read(Snapshot snapshot, List<String> explicitLocations, Map<String, String> placeholders,
                             JavaReplay java) {
        FlywaySettings configured = settingsReader.read(snapshot, vendor);
        List<String> notes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> said = java.production() ? notes : warnings;
        List<String> locations = locations(snapshot, explicitLocations, configured, java, said);
        Map<String, String> values = new java.util.LinkedHashMap<>(configured.placeholders());
        values.putAll(placeholders);
        requireNothingSkippedUnder(snapshot, locations);
        FlywaySettings settings = configured.withLocations(locations).withPlaceholders(values);
        JavaMigrationFinder.Found found = new JavaMigrationFinder(snapshot).find(locations);
        notes.addAll(found.notes());
        warnings.addAll(found.warnings());
        Map<String, JavaMigrationClass> classes = new LinkedHashMap<>();
        Map<String, Migration.Replay> replays = new HashMap<>();
        List<String> absent = new ArrayList<>();
        for (JavaMigrationClass javaClass : found.classes()) {
            classes.put(javaClass.className(), javaClass);
            replays.put(javaClass.className(), replayOf(javaClass, java, absent, notes));
        }
        if (!absent.isEmpty()) {
            notes.add(java.classpath().get().name() + " (" + java.option() + ") does not hold "
                    + JavaMigrationFinder.shortList(absent) + ": replayed from the SQL their source executes");
        }
        MigrationSet reading = new MigrationSet(snapshot, settings, classes.values().stream().map(c -> new Migration(
                c.version(), c.description(), c.className(), c.checksum(), c.path(), replays.get(c.className())))
                .toList(), List.of(), List.copyOf(classes.values()), java.classpath(), List.of(), List.of(),
                found.otherSources());
        String url = "jdbc:h2:mem:switchover_info_" + UUID.randomUUID().toString().replace("-", "");
        // Without DB_CLOSE_DELAY the database lives as long as Flyway's connection and vanishes with it.
        try {
            Flyway flyway = reading.flyway().dataSource(url, "sa", "").load();
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
                String version = info.getVersion() == null ? null : info.getVersion().getVersion();
                JavaMigrationClass javaClass = classes.get(script);
                migrations.add(javaClass != null
                        ? new Migration(version, info.getDescription(), script, info.getChecksum(), javaClass.path(),
                        replays.get(script))
                        : new Migration(version, info.getDescription(), script, info.getChecksum(),
                        pathOf(snapshot, locations, script)));
            }
            if (migrations.isEmpty() && !(java.production() && !explicitLocations.isEmpty())) {
                throw SwitchoverException.badInput("no Flyway migrations in " + snapshot.name() + " under "
                        + String.join(", ", locations) + " (SQL files, or Java migrations in their packages); name"
                        + " the folder with --migrations");
            }
            return new MigrationSet(snapshot, settings, List.copyOf(migrations),
                    ignored(snapshot, settings, migrations, baselines, java.production(), notes),
                    List.copyOf(classes.values()),
                    java.classpath(), List.copyOf(notes), List.copyOf(warnings), found.otherSources());
        } catch (FlywayException e) {
            throw new SwitchoverException(ExitCode.BAD_INPUT, snapshot.name() + ": " + FlywayMessages.firstLine(e)
                    + "; rename or move the file so that Flyway accepts it", e);
        }
    }

    /**
     * The migration folders: those of {@code --migrations} that exist, else those of the project's Flyway
     * configuration that exist, else the conventional ones; an error when there are none (for {@code --migrations},
     * unless the candidate adds them). Each missing location is said in {@code said}.
     */
    private List<String> locations(Snapshot snapshot, List<String> explicitLocations, FlywaySettings configured,
                                   JavaReplay java, List<String> said) {
        if (!explicitLocations.isEmpty()) {
            MigrationLocations.Located located = MigrationLocations.locate(snapshot, explicitLocations, vendor);
            if (located.folders().isEmpty() && !java.production()) {
                throw SwitchoverException.badInput("migration folder '" + String.join("', '", located.missing())
                        + "' does not exist in " + snapshot.name() + "; --migrations takes a folder relative to the"
                        + " snapshot root");
            }
            located.missing().forEach(missing -> said.add(missingLocation(missing, snapshot, java)));
            return located.folders();
        } else {
            List<String> existing = configured.locations().stream()
                    .filter(folder -> MigrationLocations.exists(snapshot, folder)).toList();
            if (!existing.isEmpty()) {
                configured.locations().stream().filter(folder -> !existing.contains(folder)).forEach(missing ->
                        said.add(missingLocation(missing + " (from " + configured.source() + ")", snapshot, java)));
            }
            List<String> locations = existing.isEmpty() ? MigrationLocations.conventional(snapshot) : existing;
            if (locations.isEmpty()) {
                throw SwitchoverException.badInput("no Flyway migrations found in " + snapshot.name()
                        + " (looked for db/migration and src/main/resources/db/migration, SQL files and Java"
                        + " migrations); name the folder with --migrations");
            }
            return locations;
        }
    }

    private static String missingLocation(String location, Snapshot snapshot, JavaReplay java) {
        return "location " + location + " is not in " + snapshot.name() + (java.production()
                ? ": production applied nothing from it" : ": Flyway skips a missing location (failOnMissingLocations=false),"
                + " and so does the check");
    }

    /**
     * How the replay runs a Java migration: its class from the artifact when the artifact has it, else the SQL its
     * source executes when the source tells all of it, else nothing, saying why and what would help.
     */
    private static Migration.Replay replayOf(JavaMigrationClass javaClass, JavaReplay java, List<String> absent,
                                             List<String> notes) {
        Optional<String> problem = java.classpath().filter(artifact -> artifact.has(javaClass.className()))
                .flatMap(artifact -> artifact.problemWith(javaClass.className()));
        if (java.classpath().isPresent() && java.classpath().get().has(javaClass.className()) && problem.isEmpty()) {
            return new Migration.Replay.FromClass(java.classpath().get().name(), javaClass.sql().known()
                    ? javaClass.sql().sql() : List.of());
        }
        String missing = java.classpath().map(artifact -> "; " + artifact.name() + " (" + java.option()
                + ") does not hold " + javaClass.className()).orElse("");
        if (problem.isPresent()) {
            missing = "; its class in " + java.classpath().get().name() + " cannot run: " + problem.get();
            notes.add(javaClass.className() + " from " + java.classpath().get().name() + " cannot run on the gate's"
                    + " Flyway: " + problem.get() + (javaClass.sql().known() ? "; replayed from the SQL its source"
                    + " executes" : ""));
        }
        if (javaClass.sql().known()) {
            if (!missing.isEmpty() && problem.isEmpty()) {
                absent.add(javaClass.simpleName());
            }
            return new Migration.Replay.FromSource(javaClass.sql().sql());
        }
        String reason = javaClass.sql().unknown().orElseThrow() + missing;
        return new Migration.Replay.NotReplayed(reason);
    }

    /** The Flyway configuration of a snapshot's migrations, shared by the reader and the replay. */
    static FluentConfiguration configure(Snapshot snapshot, FlywaySettings settings) {
        return configure(MigrationFileProvider.of(snapshot, settings.locations()), settings);
    }

    static FluentConfiguration configure(org.flywaydb.core.api.ResourceProvider resources, FlywaySettings settings) {
        FluentConfiguration configuration = Flyway.configure(MigrationReader.class.getClassLoader())
                .resourceProvider(resources)
                // Java migrations are the snapshot's, handed over as javaMigrations; none from the gate's class path
                .javaMigrationClassProvider(java.util.List::of)
                // Flyway's default: a file not named as a migration is skipped, and listed in the report as such
                .validateMigrationNaming(false)
                .failOnMissingLocations(false)
                // SQL callbacks of the locations run as Flyway runs them (alf.io's views in afterMigrate__*.sql);
                // Java callbacks of the gate's own class path do not exist
                .skipDefaultCallbacks(false)
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

    /**
     * The SQL files of the locations that are not migrations, nor callbacks Flyway runs by their name. One named like a migration is a typo Flyway skips without a word:
     * in the candidate it is bad input (the migration would never run); in production it never ran, and production is
     * what it is, so it is a note.
     */
    private static List<String> ignored(Snapshot snapshot, FlywaySettings settings, List<Migration> migrations,
                                        java.util.Set<String> baselines, boolean production, List<String> notes) {
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
                if (looksVersioned(name, settings) && production) {
                    notes.add(snapshot.name() + ": " + path + " is named like a migration but is not one: Flyway"
                            + " skipped it in production, and the replay does too");
                } else if (looksVersioned(name, settings)) {
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
