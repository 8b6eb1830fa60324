package io.switchover.snapshot;

import io.switchover.FileProblem;
import io.switchover.SwitchoverException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A git repository (with a work tree, bare, or a mirror) read with JGit: snapshots at commits without a checkout, the
 * work tree untouched.
 */
public final class GitRepository implements AutoCloseable {
    static {
        // Without this the first JGit call on a machine spends seconds measuring file timestamp resolution.
        FS.FileStoreAttributes.setBackground(true);
        SystemReader.setInstance(new WithoutSystemConfig(SystemReader.getInstance()));
    }

    /**
     * To find the system-wide git configuration, JGit runs the {@code git} executable ({@code git --version}, then
     * {@code git config --system}), and logs a warning with a stack trace when that fails (no git installed, a broken
     * {@code ~/.gitconfig}). Reading objects at a commit needs nothing from that file, so it is not looked for, as
     * with {@code GIT_CONFIG_NOSYSTEM}.
     */
    private static final class WithoutSystemConfig extends SystemReader.Delegate {
        WithoutSystemConfig(SystemReader delegate) {
            super(delegate);
        }

        @Override
        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, null, fs) {
                @Override
                public void load() {
                    // nothing to load
                }

                @Override
                public boolean isOutdated() {
                    return false;
                }
            };
        }
    }

    private final Path location;
    private final Repository repository;

    private GitRepository(Path location, Repository repository) {
        this.location = location;
        this.repository = repository;
    }

    public static GitRepository open(Path location) {
        if (!Files.isDirectory(location)) {
            throw SwitchoverException.badInput("repository " + location + " does not exist; --repo takes a git"
                    + " checkout or a bare repository");
        }
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
            if (Files.isDirectory(location.resolve(".git")) || Files.isRegularFile(location.resolve(".git"))) {
                builder.findGitDir(location.toFile());
            } else {
                builder.setGitDir(location.toFile());
            }
            Repository repository = builder.build();
            if (repository.getObjectDatabase() == null || !repository.getObjectDatabase().exists()) {
                repository.close();
                throw notARepository(location);
            }
            return new GitRepository(location.toAbsolutePath().normalize(), repository);
        } catch (RepositoryNotFoundException | IllegalArgumentException e) {
            throw notARepository(location);
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot open git repository " + location + ": " + FileProblem.describe(e));
        }
    }

    private static SwitchoverException notARepository(Path location) {
        return SwitchoverException.badInput(location + " is not a git repository; --repo takes a git checkout or a"
                + " bare repository");
    }

    /** The folder's name, used to name a service that has no name of its own. */
    public String name() {
        Path name = location.getFileName();
        String text = name == null ? location.toString() : name.toString();
        return text.endsWith(".git") ? text.substring(0, text.length() - 4) : text;
    }

    public boolean isBare() {
        return repository.isBare();
    }

    /** The work tree as a snapshot (what a developer has on disk, committed or not). */
    public Snapshot workingTree() {
        if (repository.isBare()) {
            throw SwitchoverException.badInput(location + " is a bare repository and has no working tree; pass"
                    + " --candidate git:<ref>");
        }
        return DirectorySnapshot.of(repository.getWorkTree().toPath(), name() + " (working tree)");
    }

    /** The files at a commit, tag or branch. */
    public Snapshot at(String ref) {
        RevCommit commit = resolve(ref);
        return new GitSnapshot(repository, commit, ref);
    }

    /** Whether {@code sha} (full or abbreviated) names a commit of this repository. */
    public boolean hasCommit(String sha) {
        try {
            ObjectId id = repository.resolve(sha + "^{commit}");
            return id != null && repository.getObjectDatabase().has(id);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The newest tag (by the date of the commit it points at) whose name matches a glob such as {@code v*}. */
    public Optional<String> newestTag(String glob) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (RevWalk walk = new RevWalk(repository)) {
            return repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS).stream()
                    .filter(ref -> matcher.matches(Path.of(ref.getName().substring(Constants.R_TAGS.length()))))
                    .map(ref -> new Tagged(ref, commitTime(walk, ref)))
                    .filter(t -> t.time >= 0)
                    .max(Comparator.comparingLong((Tagged t) -> t.time).thenComparing(t -> t.ref.getName()))
                    .map(t -> t.ref.getName().substring(Constants.R_TAGS.length()));
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot list the tags of " + location + ": " + FileProblem.describe(e));
        }
    }

    private record Tagged(Ref ref, long time) {
    }

    private long commitTime(RevWalk walk, Ref ref) {
        try {
            ObjectId peeled = repository.getRefDatabase().peel(ref).getPeeledObjectId();
            RevCommit commit = walk.parseCommit(peeled != null ? peeled : ref.getObjectId());
            return commit.getCommitTime();
        } catch (IOException e) {
            return -1;
        }
    }

    private RevCommit resolve(String ref) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(ref + "^{commit}");
            if (id == null) {
                throw SwitchoverException.badInput("git:" + ref + " names no commit, tag or branch of " + location
                        + (repository.getObjectDatabase().getShallowCommits().isEmpty() ? ""
                        : " (a shallow clone: fetch with more history, e.g. git fetch --unshallow)"));
            }
            return walk.parseCommit(id);
        } catch (MissingObjectException e) {
            throw SwitchoverException.badInput("git:" + ref + " is not in " + location
                    + " (a shallow or partial clone? fetch its history first)");
        } catch (IOException | RuntimeException e) {
            if (e instanceof SwitchoverException switchover) {
                throw switchover;
            }
            throw SwitchoverException.badInput("git:" + ref + " cannot be read from " + location + ": " + e.getMessage());
        }
    }

    /**
     * The commits of the first-parent history from {@code from} (exclusive) to {@code to} (inclusive), oldest first, that
     * change a file under one of {@code folders} (all commits when it is empty); at most {@code limit}, the newest kept.
     */
    public List<String> firstParentCommits(String from, String to, List<String> folders, int limit) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setFirstParent(true);
            RevCommit end = walk.parseCommit(repository.resolve(to + "^{commit}"));
            RevCommit start = walk.parseCommit(repository.resolve(from + "^{commit}"));
            walk.markStart(end);
            walk.markUninteresting(start);
            if (!folders.isEmpty()) {
                walk.setTreeFilter(org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(
                        org.eclipse.jgit.treewalk.filter.PathFilterGroup.createFromStrings(folders),
                        org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF));
            }
            java.util.LinkedList<String> commits = new java.util.LinkedList<>();
            for (RevCommit commit : walk) {
                if (!commit.equals(end)) {
                    commits.addFirst(commit.name());
                }
            }
            while (commits.size() > limit) {
                commits.removeFirst();
            }
            return List.copyOf(commits);
        } catch (IOException | RuntimeException e) {
            throw SwitchoverException.badInput("cannot walk the history of " + location + " from " + from + " to " + to
                    + ": " + e.getMessage());
        }
    }

    /**
     * The tags matching {@code glob} whose commits lie after {@code from} and up to {@code to} in history, oldest first.
     */
    public List<String> tagsBetween(String glob, String from, String to) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit end = walk.parseCommit(repository.resolve(to + "^{commit}"));
            RevCommit start = walk.parseCommit(repository.resolve(from + "^{commit}"));
            List<Tagged> tagged = new java.util.ArrayList<>();
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                String name = ref.getName().substring(Constants.R_TAGS.length());
                if (!matcher.matches(Path.of(name))) {
                    continue;
                }
                ObjectId peeled = repository.getRefDatabase().peel(ref).getPeeledObjectId();
                RevCommit commit = walk.parseCommit(peeled != null ? peeled : ref.getObjectId());
                if (!commit.equals(end) && !commit.equals(start) && walk.isMergedInto(commit, end)
                        && !walk.isMergedInto(commit, start)) {
                    tagged.add(new Tagged(ref, commit.getCommitTime()));
                }
            }
            tagged.sort(Comparator.comparingLong((Tagged t) -> t.time).thenComparing(t -> t.ref.getName()));
            return tagged.stream().map(t -> t.ref.getName().substring(Constants.R_TAGS.length())).toList();
        } catch (IOException | RuntimeException e) {
            throw SwitchoverException.badInput("cannot list the tags of " + location + " between " + from + " and "
                    + to + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
