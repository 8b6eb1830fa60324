package io.switchover.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A snapshot held in memory, for tests that want a system of a few files. */
public final class InMemorySnapshot implements Snapshot {
    private final String name;
    private final Map<String, String> files = new TreeMap<>();

    public InMemorySnapshot(String name) {
        this.name = name;
    }

    public InMemorySnapshot with(String path, String content) {
        files.put(path, content);
        return this;
    }

    /** A copy under another name, to build the next deployment from this one. */
    public InMemorySnapshot next(String nextName) {
        InMemorySnapshot copy = new InMemorySnapshot(nextName);
        copy.files.putAll(files);
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
    public String read(String path) {
        String content = files.get(path);
        if (content == null) {
            throw new IllegalArgumentException("no file " + path);
        }
        return content;
    }
}
