package io.switchover.replay;

import io.switchover.PrivateFolders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * H2 baselines as scripts ({@code SCRIPT TO}, schema and rows, Flyway's history among them), one folder per key under
 * {@code <cache>/h2/<digest>/}: {@code s0.sql} and {@code entry.properties} (the key's text, the script's size and
 * SHA-256, the rewriting of production's scripts for H2). A folder appears whole or not at all (written aside, then
 * renamed); one whose script does not match what its entry says, or does not run, is deleted and made again. The
 * folders together stay under a size bound: the least recently used go first.
 */
final class H2ScriptBaselines implements BaselineCache.BaselineStore {
    private static final String SCRIPT = "s0.sql";
    private static final String ENTRY = "entry.properties";
    private static final String PROBES = "s0-probes.tsv";

    private final Path root;
    private final long maxBytes;

    H2ScriptBaselines(Path directory, long maxBytes) {
        this.root = directory.resolve("h2");
        this.maxBytes = maxBytes;
    }

    @Override
    public BaselineCache.Lookup restore(ReplayDatabase db, BaselineKey key, int migrations) {
        Path folder = root.resolve(key.digest());
        List<String> notes = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try {
                Entry entry = Entry.read(folder, key);
                runScript(db, folder.resolve(SCRIPT));
                touch(folder);
                notes.add("S0 from the baseline cache (" + folder + "): production's " + migrations + " migration"
                        + (migrations == 1 ? "" : "s") + " not replayed again");
                return new BaselineCache.Lookup(true, entry.adapted, notes, (d, a) -> List.of());
            } catch (Damaged e) {
                clear(db);
                PrivateFolders.delete(folder);
                notes.add("the baseline cache entry " + folder + " was damaged (" + e.getMessage() + "): S0 replayed"
                        + " and the entry made again");
            }
        }
        return new BaselineCache.Lookup(false, Map.of(), notes, (d, adapted) -> save(d, key, adapted));
    }

    /** Where the probes' outcomes at the entry's S0 are kept; empty when there is no entry of that key. */
    Optional<Path> probeFile(String digest) {
        Path folder = root.resolve(digest);
        return Files.isRegularFile(folder.resolve(ENTRY)) ? Optional.of(folder.resolve(PROBES)) : Optional.empty();
    }

    private List<String> save(ReplayDatabase db, BaselineKey key, Map<String, Set<String>> adapted) {
        List<String> notes = new ArrayList<>();
        Path folder = root.resolve(key.digest());
        Path aside = root.resolve(key.digest() + ".part-" + UUID.randomUUID());
        try {
            // The folders are the user's alone: a script that others could write would run as this user's SQL
            // (H2's RUNSCRIPT can define Java functions).
            PrivateFolders.create(root);
            Files.createDirectories(aside);
            Path script = aside.resolve(SCRIPT);
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                statement.execute("SCRIPT TO '" + script.toString().replace("'", "''") + "' CHARSET 'UTF-8'");
            }
            Entry.write(aside, key, script, adapted);
            try {
                Files.move(aside, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                PrivateFolders.delete(aside); // another check stored the same S0 meanwhile
            }
            notes.add("S0 stored in the baseline cache (" + folder + "): the next check with this production replays"
                    + " only the batch");
            notes.addAll(evict(folder));
        } catch (IOException | SQLException e) {
            PrivateFolders.delete(aside);
            notes.add("S0 not cached: cannot write to " + root + " (" + e.getMessage() + "); give --cache-dir a"
                    + " writable folder, or --no-cache");
        }
        return notes;
    }

    private static void runScript(ReplayDatabase db, Path script) throws Damaged {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM '" + script.toString().replace("'", "''") + "' CHARSET 'UTF-8'");
        } catch (SQLException e) {
            throw new Damaged("its script does not run: " + DatabaseErrors.of(e));
        }
    }

    /** Empties a database a damaged script may have half filled. */
    private static void clear(ReplayDatabase db) {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP ALL OBJECTS");
        } catch (SQLException e) {
            throw new ReplayException("cannot empty the replay database after a damaged baseline: "
                    + DatabaseErrors.of(e), e);
        }
    }

    /** Drops the least recently used entries until all fit under the bound; never one in the making. */
    private List<String> evict(Path kept) throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(root)) {
            folders = new ArrayList<>(list.toList());
        }
        // What a check killed while writing left aside: no other check writes for an hour.
        FileTime abandoned = FileTime.from(Instant.now().minus(java.time.Duration.ofHours(1)));
        for (Path folder : List.copyOf(folders)) {
            if (folder.getFileName().toString().contains(".part-") || !Files.isRegularFile(folder.resolve(ENTRY))) {
                folders.remove(folder);
                if (modified(folder).compareTo(abandoned) < 0) {
                    PrivateFolders.delete(folder);
                }
            }
        }
        Map<Path, Long> sizes = new LinkedHashMap<>();
        long total = 0;
        for (Path folder : folders) {
            long size = size(folder);
            sizes.put(folder, size);
            total += size;
        }
        folders.sort(Comparator.comparing(H2ScriptBaselines::lastUsed));
        List<String> notes = new ArrayList<>();
        for (Path folder : folders) {
            if (total <= maxBytes) {
                break;
            }
            PrivateFolders.delete(folder);
            total -= sizes.get(folder);
            if (folder.equals(kept)) {
                notes.add("S0 (" + sizes.get(folder) + " bytes) is larger than the baseline cache may hold ("
                        + maxBytes + " bytes): not kept; raise --cache-size");
            }
        }
        return notes;
    }

    private static long size(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static FileTime modified(Path folder) {
        try {
            return Files.getLastModifiedTime(folder);
        } catch (IOException e) {
            return FileTime.from(Instant.now());
        }
    }

    private static FileTime lastUsed(Path folder) {
        try {
            return Files.getLastModifiedTime(folder.resolve(ENTRY));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void touch(Path folder) {
        try {
            Files.setLastModifiedTime(folder.resolve(ENTRY), FileTime.from(Instant.now()));
        } catch (IOException e) {
            // only the eviction order suffers
        }
    }

    /** An entry that cannot be trusted. */
    private static final class Damaged extends Exception {
        private static final long serialVersionUID = 1L;

        Damaged(String reason) {
            super(reason, null, false, false);
        }
    }

    /** What {@code entry.properties} holds. */
    private record Entry(Map<String, Set<String>> adapted) {

        static void write(Path folder, BaselineKey key, Path script, Map<String, Set<String>> adapted)
                throws IOException {
            Properties properties = new Properties();
            properties.setProperty("key", key.text());
            properties.setProperty("script.bytes", String.valueOf(Files.size(script)));
            properties.setProperty("script.sha256", BaselineKey.sha256(Files.readAllBytes(script)));
            properties.setProperty("created", Instant.now().toString());
            int i = 0;
            for (Map.Entry<String, Set<String>> scriptChanges : adapted.entrySet()) {
                properties.setProperty("adapted." + i + ".script", scriptChanges.getKey());
                int j = 0;
                for (String change : scriptChanges.getValue()) {
                    properties.setProperty("adapted." + i + ".change." + j++, change);
                }
                i++;
            }
            try (OutputStream out = Files.newOutputStream(folder.resolve(ENTRY))) {
                properties.store(out, "switchover baseline: production's schema (S0) on H2");
            }
        }

        static Entry read(Path folder, BaselineKey key) throws Damaged {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(folder.resolve(ENTRY))) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new Damaged("its entry cannot be read: " + e.getMessage());
            }
            if (!key.text().equals(properties.getProperty("key"))) {
                throw new Damaged("its entry is of another production");
            }
            Path script = folder.resolve(SCRIPT);
            try {
                byte[] bytes = Files.readAllBytes(script);
                if (!String.valueOf(bytes.length).equals(properties.getProperty("script.bytes"))
                        || !BaselineKey.sha256(bytes).equals(properties.getProperty("script.sha256"))) {
                    throw new Damaged("its script is not the one stored (" + bytes.length + " bytes)");
                }
            } catch (IOException e) {
                throw new Damaged("its script cannot be read: " + e.getMessage());
            }
            Map<String, Set<String>> adapted = new LinkedHashMap<>();
            for (int i = 0; properties.containsKey("adapted." + i + ".script"); i++) {
                Set<String> changes = new LinkedHashSet<>();
                for (int j = 0; properties.containsKey("adapted." + i + ".change." + j); j++) {
                    changes.add(properties.getProperty("adapted." + i + ".change." + j));
                }
                adapted.put(properties.getProperty("adapted." + i + ".script"), changes);
            }
            return new Entry(adapted);
        }
    }
}
