package io.switchover.snapshot;

import io.switchover.FileProblem;
import io.switchover.SwitchoverException;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of one commit, read from git objects: listing walks the trees once (names and object ids); a file's
 * content is read when asked for, so that only the files a check needs are ever inflated. A symbolic link is what a
 * checkout would make of it: a link to a file of the commit is listed under its own name with that file's content,
 * a link out of the commit (an absolute path, a {@code ..} above the root) or to a folder is skipped and said so.
 */
final class GitSnapshot implements Snapshot {
    /** A link's target is a path; a longer blob is not one. */
    private static final int MAX_LINK_BYTES = 4096;
    /** Links to links are followed this far; a loop ends here too. */
    private static final int MAX_LINK_HOPS = 8;

    private final Repository repository;
    private final RevCommit commit;
    private final String ref;
    private Map<String, ObjectId> blobs;
    private List<String> files;
    private List<SkippedFile> skipped;

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
        list();
        return files;
    }

    @Override
    public synchronized List<SkippedFile> skipped() {
        list();
        return skipped;
    }

    private void list() {
        if (files != null) {
            return;
        }
        Map<String, ObjectId> regular = new HashMap<>();
        Map<String, ObjectId> links = new LinkedHashMap<>();
        List<SkippedFile> left = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                String path = walk.getPathString();
                if (mode == FileMode.SYMLINK) {
                    links.put(path, walk.getObjectId(0));
                } else if (mode == FileMode.GITLINK) {
                    left.add(new SkippedFile(path, "a git submodule, whose files are in another repository"));
                } else {
                    if (regular.size() >= SnapshotLimits.MAX_FILES) {
                        throw SnapshotLimits.tooManyFiles(name(), SnapshotLimits.MAX_FILES);
                    }
                    regular.put(path, walk.getObjectId(0));
                }
            }
            Map<String, String> targets = new HashMap<>();
            for (Map.Entry<String, ObjectId> link : links.entrySet()) {
                targets.put(link.getKey(), targetOf(link.getKey(), link.getValue()));
            }
            Map<String, ObjectId> all = new HashMap<>(regular);
            for (String link : links.keySet()) {
                Optional<String> file = resolve(link, regular, targets);
                if (file.isPresent()) {
                    all.put(link, regular.get(file.get()));
                } else {
                    left.add(new SkippedFile(link, whyNot(link, regular, targets)));
                }
            }
            if (all.size() > SnapshotLimits.MAX_FILES) {
                throw SnapshotLimits.tooManyFiles(name(), SnapshotLimits.MAX_FILES);
            }
            blobs = all;
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot list the files of " + name() + ": " + FileProblem.describe(e));
        }
        List<String> listed = new ArrayList<>(blobs.keySet());
        Collections.sort(listed);
        files = Collections.unmodifiableList(listed);
        left.sort(java.util.Comparator.comparing(SkippedFile::path));
        skipped = List.copyOf(left);
    }

    /**
     * The regular file a link ends at, following links to links.
     *
     * @param targets each link's target, null for one that leaves the commit
     */
    private static Optional<String> resolve(String link, Map<String, ObjectId> regular, Map<String, String> targets) {
        String current = link;
        for (int hop = 0; hop < MAX_LINK_HOPS; hop++) {
            String target = targets.get(current);
            if (target == null) {
                return Optional.empty();
            }
            if (regular.containsKey(target)) {
                return Optional.of(target);
            }
            if (!targets.containsKey(target)) {
                return Optional.empty();
            }
            current = target;
        }
        return Optional.empty();
    }

    private static String whyNot(String link, Map<String, ObjectId> regular, Map<String, String> targets) {
        String target = targets.get(link);
        if (target == null) {
            return "a symbolic link that points outside the snapshot";
        }
        String folder = target + "/";
        if (regular.keySet().stream().anyMatch(path -> path.startsWith(folder))) {
            return "a symbolic link to a folder, which is not followed";
        }
        if (targets.containsKey(target)) {
            return "a symbolic link to a link that leads nowhere in the commit (or a loop)";
        }
        return "a symbolic link to nothing in the commit";
    }

    /** The path a link names, relative to the root; null when it leaves the commit. */
    private String targetOf(String link, ObjectId id) throws IOException {
        ObjectLoader loader = repository.open(id);
        if (loader.getSize() > MAX_LINK_BYTES) {
            return null;
        }
        String target = new String(loader.getCachedBytes(), StandardCharsets.UTF_8);
        if (target.startsWith("/") || target.isEmpty()) {
            return null;
        }
        Deque<String> segments = new ArrayDeque<>();
        int slash = link.lastIndexOf('/');
        if (slash > 0) {
            for (String segment : link.substring(0, slash).split("/")) {
                segments.addLast(segment);
            }
        }
        for (String segment : target.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments);
    }

    @Override
    public FileText readFile(String path) {
        if (SnapshotPaths.leavesSnapshot(path)) {
            throw new UnreadableFile(name(), path, "the path leaves the snapshot");
        }
        ObjectId id;
        synchronized (this) {
            list();
            id = blobs.get(path);
        }
        if (id == null) {
            throw new UnreadableFile(name(), path, "no such file in the commit");
        }
        try {
            ObjectLoader loader = repository.open(id);
            if (loader.getSize() > SnapshotLimits.MAX_FILE_BYTES) {
                throw SnapshotLimits.tooLarge(name(), path, loader.getSize());
            }
            // Not getBytes(): above JGit's streaming threshold (50 MB by default) it refuses what this reads in full.
            return FileText.decode(path, loader.getCachedBytes((int) SnapshotLimits.MAX_FILE_BYTES));
        } catch (LargeObjectException e) {
            throw SnapshotLimits.tooLarge(name(), path, SnapshotLimits.MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new UnreadableFile(name(), path, FileProblem.describe(e));
        }
    }
}
