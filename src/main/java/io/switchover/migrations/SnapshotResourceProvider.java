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
 * Hands Flyway the migration files of a snapshot, so that Flyway itself names, versions, orders and checksums them
 * whether the snapshot is a directory or a git commit.
 */
final class SnapshotResourceProvider implements ResourceProvider {
    private final Snapshot snapshot;
    private final List<String> locations;

    SnapshotResourceProvider(Snapshot snapshot, List<String> locations) {
        this.snapshot = snapshot;
        this.locations = locations;
    }

    @Override
    public LoadableResource getResource(String name) {
        for (String location : locations) {
            String path = location + "/" + name;
            if (snapshot.files().contains(path)) {
                return new SnapshotResource(snapshot, location, path);
            }
        }
        return null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (String location : locations) {
            for (String path : snapshot.filesUnder(location)) {
                String filename = path.substring(path.lastIndexOf('/') + 1);
                if (filename.startsWith(prefix) && endsWithAny(filename, suffixes)) {
                    found.add(new SnapshotResource(snapshot, location, path));
                }
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

    private static final class SnapshotResource extends LoadableResource {
        private final Snapshot snapshot;
        private final String location;
        private final String path;

        SnapshotResource(Snapshot snapshot, String location, String path) {
            this.snapshot = snapshot;
            this.location = location;
            this.path = path;
        }

        @Override
        public Reader read() {
            return new StringReader(snapshot.read(path));
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return path;
        }

        @Override
        public String getFilename() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public String getRelativePath() {
            return path.substring(location.length() + 1);
        }
    }
}
