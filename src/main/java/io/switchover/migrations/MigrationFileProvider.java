package io.switchover.migrations;

import io.switchover.snapshot.Snapshot;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hands Flyway a fixed list of migration files: the files of a snapshot's locations, whether the snapshot is a
 * directory or a git commit, or production's state, the migrations its history names, each taken from wherever its
 * applied text can be found.
 */
final class MigrationFileProvider implements ResourceProvider {
    private final List<MigrationFile> files;

    MigrationFileProvider(List<MigrationFile> files) {
        this.files = List.copyOf(files);
    }

    /** Every file under the locations of a snapshot, so that Flyway itself names, versions and orders them. */
    static MigrationFileProvider of(Snapshot snapshot, List<String> locations) {
        List<MigrationFile> files = new ArrayList<>();
        for (String location : locations) {
            for (String path : snapshot.filesUnder(location)) {
                files.add(new MigrationFile(snapshot, path, path.substring(location.length() + 1)));
            }
        }
        return new MigrationFileProvider(files);
    }

    /** The SQL callbacks under the locations ({@code afterMigrate__views.sql}, {@code beforeMigrate.sql}...). */
    static List<MigrationFile> callbacks(Snapshot snapshot, List<String> locations, FlywaySettings settings) {
        List<MigrationFile> callbacks = new ArrayList<>();
        for (MigrationFile file : of(snapshot, locations).files) {
            String name = file.script().substring(file.script().lastIndexOf('/') + 1);
            if (settings.sqlMigrationSuffixes().stream().anyMatch(name::endsWith) && MigrationReader.isCallback(name)) {
                callbacks.add(file);
            }
        }
        return callbacks;
    }

    @Override
    public LoadableResource getResource(String name) {
        return files.stream().filter(f -> f.script().equals(name)).findFirst().map(FileResource::new).orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (MigrationFile file : files) {
            String filename = file.script().substring(file.script().lastIndexOf('/') + 1);
            if (filename.startsWith(prefix) && endsWithAny(filename, suffixes)) {
                found.add(new FileResource(file));
            }
        }
        return found;
    }

    private static boolean endsWithAny(String filename, String[] suffixes) {
        for (String suffix : suffixes) {
            if (filename.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static final class FileResource extends LoadableResource {
        private final MigrationFile file;

        FileResource(MigrationFile file) {
            this.file = file;
        }

        @Override
        public Reader read() {
            return new StringReader(file.snapshot().read(file.path()));
        }

        @Override
        public String getAbsolutePath() {
            return file.path();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return file.path();
        }

        @Override
        public String getFilename() {
            return file.script().substring(file.script().lastIndexOf('/') + 1);
        }

        @Override
        public String getRelativePath() {
            return file.script();
        }
    }
}
