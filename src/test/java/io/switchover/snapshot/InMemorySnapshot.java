package io.switchover.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A snapshot held in memory, for tests that want a system of a few files. */
public final class InMemorySnapshot implements Snapshot {
    private final String name;
    private final Map<String, String> files = new TreeMap<>();
    private final Map<String, String> unreadable = new TreeMap<>();
    private final List<SkippedFile> skipped = new ArrayList<>();

    public InMemorySnapshot(String name) {
        this.name = name;
    }

    public InMemorySnapshot with(String path, String content) {
        files.put(path, content);
        return this;
    }

    /** The snapshot without a file, as when a deployment deletes or renames it. */
    public InMemorySnapshot without(String path) {
        files.remove(path);
        return this;
    }

    /** A file that is listed but cannot be read, as with permission denied. */
    public InMemorySnapshot unreadable(String path, String reason) {
        files.put(path, "");
        unreadable.put(path, reason);
        return this;
    }

    /** An entry the listing leaves out, as a directory snapshot does a link out of it. */
    public InMemorySnapshot skipping(String path, String reason) {
        skipped.add(new SkippedFile(path, reason));
        return this;
    }

    /** A copy under another name, to build the next deployment from this one. */
    public InMemorySnapshot next(String nextName) {
        InMemorySnapshot copy = new InMemorySnapshot(nextName);
        copy.files.putAll(files);
        copy.unreadable.putAll(unreadable);
        copy.skipped.addAll(skipped);
        return copy;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> files() {
        return new ArrayList<>(files.keySet());
    }

    @Override
    public List<SkippedFile> skipped() {
        return List.copyOf(skipped);
    }

    @Override
    public FileText readFile(String path) {
        String content = files.get(path);
        if (content == null) {
            throw new UnreadableFile(name, path, "no such file");
        }
        if (unreadable.containsKey(path)) {
            throw new UnreadableFile(name, path, unreadable.get(path));
        }
        return new FileText(content, Optional.empty());
    }
}
