package io.switchover.migrations;

import io.switchover.SwitchoverException;
import io.switchover.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.List;

/** The Flyway folders of a snapshot, whose SQL changes the schema rather than being sent by the service. */
public final class MigrationFolders {

    private MigrationFolders() {
    }

    /**
     * The locations a check of this version would read its migrations from, and, for a version without migrations of
     * its own, the configured and conventional ones.
     */
    public static List<String> of(Snapshot snapshot) {
        try {
            return new MigrationReader().read(snapshot, List.of()).locations();
        } catch (SwitchoverException noMigrations) {
            // a service whose migrations live elsewhere
        }
        List<String> folders = new ArrayList<>(new FlywaySettingsReader().read(snapshot).locations());
        for (String file : snapshot.files()) {
            int at = file.indexOf("db/migration/");
            if (at >= 0) {
                String folder = file.substring(0, at) + "db/migration";
                if (!folders.contains(folder)) {
                    folders.add(folder);
                }
            }
        }
        return folders;
    }
}
