package io.switchover.check;

import io.switchover.snapshot.Snapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A service that uses the database: the version production runs, the candidate version (when it is promoted with
 * the batch), and where its sources are.
 *
 * @param sources     source roots relative to the snapshots' roots; empty for the whole snapshot
 * @param capturedSql   statements captured from the running version in production (pg_stat_statements exports,
 *                      statement logs): the most faithful picture of what it sends
 * @param intermediates the versions recorded between the running one and the candidate, in the order they were
 *                      deployed to a test environment, which a promotion plan may deploy on the way
 */
public record ServiceToCheck(String name, Snapshot running, Optional<Snapshot> candidate, List<String> sources,
                             List<Path> capturedSql, List<Snapshot> intermediates) {

    public ServiceToCheck {
        capturedSql = List.copyOf(capturedSql);
        intermediates = List.copyOf(intermediates);
    }

    public ServiceToCheck(String name, Snapshot running, Optional<Snapshot> candidate, List<String> sources,
                          List<Path> capturedSql) {
        this(name, running, candidate, sources, capturedSql, List.of());
    }

    public ServiceToCheck(String name, Snapshot running, Optional<Snapshot> candidate, List<String> sources) {
        this(name, running, candidate, sources, List.of());
    }

    public ServiceToCheck withIntermediates(List<Snapshot> versions) {
        return new ServiceToCheck(name, running, candidate, sources, capturedSql, versions);
    }
}
