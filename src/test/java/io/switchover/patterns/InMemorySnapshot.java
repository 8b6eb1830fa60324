package io.switchover.patterns;

import io.switchover.SwitchoverException;
import io.switchover.snapshot.Snapshot;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A snapshot whose files are given as strings, for tests. */
final class InMemorySnapshot implements Snapshot {
    private final Map<String, String> files = new TreeMap<>();

    InMemorySnapshot with(String path, String text) {
        files.put(path, text);
        return this;
    }

    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public List<String> files() {
        return List.copyOf(files.keySet());
    }

    @Override
    public String read(String path) {
        String text = files.get(path);
        if (text == null) {
            throw SwitchoverException.badInput("no file " + path);
        }
        return text;
    }
}
