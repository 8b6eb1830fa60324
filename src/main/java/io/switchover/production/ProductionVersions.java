package io.switchover.production;

import io.switchover.SwitchoverException;
import io.switchover.config.VersionSource;
import io.switchover.snapshot.DirectorySnapshot;
import io.switchover.snapshot.GitRepository;
import io.switchover.snapshot.Snapshot;

/** Resolves where a service's production version comes from into a snapshot of its repository. */
public final class ProductionVersions {
    private final DeployedCommitEndpoint endpoint;

    /**
     * @param timeout how long a version endpoint may take to answer
     */
    public ProductionVersions(java.time.Duration timeout) {
        this.endpoint = new DeployedCommitEndpoint(timeout);
    }

    /**
     * @param repository opens the service's repository; not called for a directory
     */
    public Snapshot snapshot(String service, VersionSource source, java.util.function.Supplier<GitRepository> repository) {
        if (source instanceof VersionSource.Directory directory) {
            return DirectorySnapshot.of(directory.path());
        }
        GitRepository git = repository.get();
        return git.at(ref(service, source, git));
    }

    public String ref(String service, VersionSource source, GitRepository repository) {
        if (source instanceof VersionSource.GitRef ref) {
            return ref.ref();
        }
        if (source instanceof VersionSource.NewestTag tag) {
            return repository.newestTag(tag.pattern()).orElseThrow(() -> SwitchoverException.badInput(
                    "no tag of " + repository.name() + " matches '" + tag.pattern() + "' for the production version of "
                            + service));
        }
        if (!(source instanceof VersionSource.Endpoint url)) {
            throw new IllegalArgumentException("a directory has no git ref: " + source);
        }
        String commit = endpoint.commitOf(url.url(), service);
        if (!repository.hasCommit(commit)) {
            throw SwitchoverException.badInput("the version endpoint of " + service + " says commit " + commit
                    + " is deployed, but " + repository.name() + " has no such commit (fetch it, or check the endpoint)");
        }
        return commit;
    }
}
