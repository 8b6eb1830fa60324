package io.switchover.patterns;

import io.switchover.PrivateFolders;
import io.switchover.Sha256;
import io.switchover.ToolBuild;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.snapshot.ReadRecorder;
import io.switchover.snapshot.Snapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What a scan of a service version found, kept between checks under the cache directory ({@code extraction/}), so
 * that a check of a version whose files did not change reads none of them closely again: a developer's repeated local
 * check, the production version every check of a batch compares with.
 *
 * <p>An entry is found by everything the scan is told (the tool's build, the settings the caller names, the
 * snapshot's name, source folders and exclusions) and the list of files it looks at; it is used only when every file
 * the scan read then still holds the same text now. An entry that fails its own checksum, or that this build cannot
 * read, is made again; wrong reuse would be worse than a slow check.
 */
public final class ExtractionCache {
    private static final String FORMAT = "switchover extraction cache 2"; // 2: the starred tables of each statement
    private static final String SUFFIX = ".scan";
    private static final int CHECKSUM_BYTES = 32;

    private final Optional<Path> root;
    private final long maxBytes;
    private final String tool;

    private ExtractionCache(Optional<Path> root, long maxBytes, String tool) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.tool = tool;
    }

    /** Nothing kept: every scan reads every file ({@code --no-cache}, and the library's default). */
    public static ExtractionCache none() {
        return new ExtractionCache(Optional.empty(), 0, "");
    }

    /** Entries under {@code directory}/extraction, at most {@code maxBytes} of them; the least recently used go first. */
    public static ExtractionCache at(Path directory, long maxBytes) {
        return new ExtractionCache(Optional.of(directory.resolve("extraction")), maxBytes, ToolBuild.current());
    }

    /** The same cache as another build of the tool would see it (tests). */
    ExtractionCache asTool(String build) {
        return new ExtractionCache(root, maxBytes, build);
    }

    public boolean enabled() {
        return root.isPresent();
    }

    /**
     * The scan of the snapshot by {@code scanner}, from the cache when it holds one made with the same settings over
     * the same files.
     *
     * @param settings what else decides what the scan finds (naming, which statements are parsed), as a text that
     *                 differs whenever that differs
     */
    public Scan scan(ServiceSourceScanner scanner, Snapshot snapshot, List<String> sourceRoots,
                     Collection<String> excluded, String settings) {
        if (root.isEmpty()) {
            return new Scan(this, null, scanner.scan(snapshot, sourceRoots, excluded), Map.of(), Map.of(), false);
        }
        String key = key(snapshot, sourceRoots, excluded, settings);
        Path file = root.get().resolve(Sha256.hex(key) + SUFFIX);
        Optional<Stored> stored = read(file, key);
        if (stored.isPresent() && ReadRecorder.unchanged(snapshot, stored.get().read())) {
            touch(file);
            ExtractionCodec.Read found = stored.get().found();
            return new Scan(this, null, found.result(), found.references(), Map.of(), true);
        }
        ReadRecorder recorder = new ReadRecorder(snapshot);
        ExtractionResult result = scanner.scan(recorder, sourceRoots, excluded);
        return new Scan(this, new Pending(file, key), result, Map.of(), recorder.read(), false);
    }

    private String key(Snapshot snapshot, List<String> sourceRoots, Collection<String> excluded, String settings) {
        List<String> files = ServiceSourceScanner.scannedFiles(snapshot, sourceRoots, excluded);
        List<String> own = ServiceSourceScanner.ownFiles(snapshot, sourceRoots, excluded);
        return String.join("\n", FORMAT, tool, settings, "snapshot " + snapshot.name(),
                "sources " + String.join(",", sourceRoots), "excluded " + String.join(",", excluded),
                "files " + Sha256.hex(String.join("\n", files)),
                "own files " + Sha256.hex(String.join("\n", own)),
                "skipped " + Sha256.hex(String.join("\n", ServiceSourceScanner.skippedWarnings(snapshot))));
    }

    /** What one scan found, and where it came from. */
    public static final class Scan {
        private final ExtractionCache cache;
        private final Pending pending;
        private final ExtractionResult result;
        private final Map<String, Optional<SqlReferences>> references;
        private final Map<String, String> read;
        private final boolean fromCache;

        private Scan(ExtractionCache cache, Pending pending, ExtractionResult result,
                     Map<String, Optional<SqlReferences>> references, Map<String, String> read, boolean fromCache) {
            this.cache = cache;
            this.pending = pending;
            this.result = result;
            this.references = references;
            this.read = read;
            this.fromCache = fromCache;
        }

        public ExtractionResult result() {
            return result;
        }

        /** What the statements reference, by statement as the probe planner keys them: known only from the cache. */
        public Map<String, Optional<SqlReferences>> references() {
            return references;
        }

        public boolean fromCache() {
            return fromCache;
        }

        /**
         * Keeps the scan, with what its statements were found to reference, for the next check; nothing when it came
         * from the cache or the cache is off. A folder that cannot be written only costs the next check its time.
         */
        public void keep(Map<String, Optional<SqlReferences>> found) {
            if (pending != null) {
                cache.write(pending, read, result, found);
            }
        }
    }

    private record Pending(Path file, String key) {
    }

    private record Stored(Map<String, String> read, ExtractionCodec.Read found) {
    }

    private Optional<Stored> read(Path file, String key) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        int body = bytes.length - CHECKSUM_BYTES;
        if (body < 0 || !MessageDigest.isEqual(digest(bytes, body), Arrays.copyOfRange(bytes, body, bytes.length))) {
            delete(file); // truncated or damaged: made again by this check
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body))) {
            if (!FORMAT.equals(in.readUTF()) || !key.equals(in.readUTF())) {
                return Optional.empty();
            }
            Map<String, String> read = new TreeMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                read.put(in.readUTF(), in.readUTF());
            }
            ExtractionCodec.Read found = ExtractionCodec.read(in);
            return in.available() == 0 ? Optional.of(new Stored(read, found)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            delete(file);
            return Optional.empty();
        }
    }

    private void write(Pending pending, Map<String, String> read, ExtractionResult result,
                       Map<String, Optional<SqlReferences>> references) {
        Path folder = pending.file().getParent();
        Path aside = folder.resolve(pending.file().getFileName() + ".part-" + UUID.randomUUID());
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(buffer)) {
                out.writeUTF(FORMAT);
                out.writeUTF(pending.key());
                out.writeInt(read.size());
                for (Map.Entry<String, String> file : read.entrySet()) {
                    out.writeUTF(file.getKey());
                    out.writeUTF(file.getValue());
                }
                ExtractionCodec.write(out, result, references);
            }
            byte[] bytes = buffer.toByteArray();
            if (bytes.length + CHECKSUM_BYTES > maxBytes) {
                return;
            }
            PrivateFolders.create(folder);
            Files.write(aside, bytes);
            Files.write(aside, digest(bytes, bytes.length), java.nio.file.StandardOpenOption.APPEND);
            try {
                Files.move(aside, pending.file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(aside, pending.file(), StandardCopyOption.REPLACE_EXISTING);
            }
            evict(folder, pending.file());
        } catch (IOException | RuntimeException e) {
            delete(aside);
        }
    }

    /** Drops the least recently used entries until all fit under the bound; what a killed check left aside too. */
    private void evict(Path folder, Path kept) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = new ArrayList<>(list.toList());
        }
        FileTime abandoned = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Map<Path, Long> sizes = new LinkedHashMap<>();
        long total = 0;
        for (Path entry : entries) {
            if (!entry.getFileName().toString().endsWith(SUFFIX)) {
                if (entry.getFileName().toString().contains(".part-") && modified(entry).compareTo(abandoned) < 0) {
                    delete(entry);
                }
                continue;
            }
            long size = Files.size(entry);
            sizes.put(entry, size);
            total += size;
        }
        List<Path> byUse = new ArrayList<>(sizes.keySet());
        byUse.sort(Comparator.comparing(ExtractionCache::modified));
        for (Path entry : byUse) {
            if (total <= maxBytes) {
                break;
            }
            if (!entry.equals(kept)) {
                delete(entry);
                total -= sizes.get(entry);
            }
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // only the eviction order suffers
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // another check removes it, or the next one does
        }
    }

    private static byte[] digest(byte[] bytes, int length) {
        MessageDigest digest = Sha256.digest();
        digest.update(bytes, 0, length);
        return digest.digest();
    }
}
