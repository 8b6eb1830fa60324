package io.switchover.migrations;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.snapshot.Snapshot;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a snapshot's migrations through Flyway's own resolver, so that naming, versions, order and checksums are
 * exactly Flyway's. Flyway wants a database to report on; an empty private in-memory H2 serves and is gone after.
 */
public final class MigrationReader {

    public MigrationSet read(Snapshot snapshot, List<String> explicitLocations) {
        List<String> locations = MigrationLocations.find(snapshot, explicitLocations);
        String url = "jdbc:h2:mem:switchover_info_" + UUID.randomUUID().toString().replace("-", "");
        // Without DB_CLOSE_DELAY the database lives as long as Flyway's connection and vanishes with it.
        try {
            Flyway flyway = configure(snapshot, locations).dataSource(url, "sa", "").load();
            List<Migration> migrations = new ArrayList<>();
            for (MigrationInfo info : flyway.info().all()) {
                String script = info.getScript();
                migrations.add(new Migration(
                        info.getVersion() == null ? null : info.getVersion().getVersion(),
                        info.getDescription(), script, info.getChecksum(), pathOf(snapshot, locations, script)));
            }
            if (migrations.isEmpty()) {
                throw SwitchoverException.badInput("no Flyway migrations in " + snapshot.name() + " under "
                        + String.join(", ", locations) + "; name the folder with --migrations");
            }
            return new MigrationSet(locations, List.copyOf(migrations));
        } catch (FlywayException e) {
            throw new SwitchoverException(ExitCode.BAD_INPUT, snapshot.name() + ": " + FlywayMessages.firstLine(e)
                    + "; rename or move the file so that Flyway accepts it", e);
        }
    }

    /** The Flyway configuration of a snapshot's migrations, shared by the reader and the replay. */
    public static FluentConfiguration configure(Snapshot snapshot, List<String> locations) {
        return Flyway.configure(MigrationReader.class.getClassLoader())
                .resourceProvider(new SnapshotResourceProvider(snapshot, locations))
                .validateMigrationNaming(true)
                .failOnMissingLocations(false)
                .skipDefaultCallbacks(true)
                .cleanDisabled(true);
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
