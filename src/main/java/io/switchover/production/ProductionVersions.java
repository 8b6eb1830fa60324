package io.switchover.production;

import io.switchover.SwitchoverException;
import io.switchover.config.VersionSource;
import io.switchover.snapshot.GitRepository;
import io.switchover.snapshot.Snapshot;

/** Resolves where a service's production version comes from into a snapshot of its repository. */
public final class ProductionVersions {
    private final DeployedCommitEndpoint endpoint = new DeployedCommitEndpoint();

    public Snapshot snapshot(String service, VersionSource source, GitRepository repository) {
        return repository.at(ref(service, source, repository));
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
        VersionSource.Endpoint url = (VersionSource.Endpoint) source;
        String commit = endpoint.commitOf(url.url(), service);
        if (!repository.hasCommit(commit)) {
            throw SwitchoverException.badInput("the version endpoint of " + service + " says commit " + commit
                    + " is deployed, but " + repository.name() + " has no such commit (fetch it, or check the endpoint)");
        }
        return commit;
    }
}
