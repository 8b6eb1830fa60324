package io.switchover.migrations;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.util.List;
import java.util.stream.Stream;

/**
 * Production's schema as migrations: the history it applied, and for each applied migration the text that ran,
 * taken from the production snapshot when it has the migration and from the candidate otherwise.
 */
public final class ProductionState {
    private final ProductionHistory history;
    private final List<MigrationFile> files;
    private final FlywaySettings settings;

    ProductionState(ProductionHistory history, List<MigrationFile> files, FlywaySettings settings) {
        this.history = history;
        this.files = List.copyOf(files);
        this.settings = settings;
    }

    public ProductionHistory history() {
        return history;
    }

    public FlywaySettings settings() {
        return settings;
    }

    List<MigrationFile> files() {
        return files;
    }

    /** The text of each migration the replay applies, read as the stream is consumed. */
    public Stream<String> texts() {
        return files.stream().map(file -> file.snapshot().read(file.path()));
    }

    /** How many of production's migrations the replay applies to build S0. */
    public int size() {
        return files.size();
    }

    /** A Flyway configuration (without a data source) that applies exactly production's migrations. */
    public FluentConfiguration flyway() {
        return MigrationReader.configure(new MigrationFileProvider(files), settings);
    }
}
