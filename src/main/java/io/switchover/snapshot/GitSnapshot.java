package io.switchover.snapshot;

import io.switchover.SwitchoverException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The files of one commit, read from git objects: listing walks the trees once (names only); a file's content is read
 * when asked for, so that only the files a check needs are ever inflated.
 */
final class GitSnapshot implements Snapshot {
    private final Repository repository;
    private final RevCommit commit;
    private final String ref;
    private List<String> files;

    GitSnapshot(Repository repository, RevCommit commit, String ref) {
        this.repository = repository;
        this.commit = commit;
        this.ref = ref;
    }

    @Override
    public java.util.Optional<String> commit() {
        return java.util.Optional.of(commit.name());
    }

    @Override
    public String name() {
        String sha = commit.abbreviate(7).name();
        return ref.startsWith(sha) ? sha : ref + " (" + sha + ")";
    }

    @Override
    public synchronized List<String> files() {
        if (files == null) {
            List<String> listed = new ArrayList<>();
            try (TreeWalk walk = new TreeWalk(repository)) {
                walk.addTree(commit.getTree());
                walk.setRecursive(true);
                while (walk.next()) {
                    if (walk.getFileMode(0) != FileMode.GITLINK && walk.getFileMode(0) != FileMode.SYMLINK) {
                        listed.add(walk.getPathString());
                    }
                }
            } catch (IOException e) {
                throw SwitchoverException.badInput("cannot list the files of " + name() + ": " + e.getMessage());
            }
            Collections.sort(listed);
            files = Collections.unmodifiableList(listed);
        }
        return files;
    }

    @Override
    public String read(String path) {
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            if (walk == null) {
                throw SwitchoverException.badInput(path + " does not exist at " + name());
            }
            ObjectLoader loader = repository.open(walk.getObjectId(0));
            return new String(loader.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot read " + path + " at " + name() + ": " + e.getMessage());
        }
    }
}
