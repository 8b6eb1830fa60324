package io.switchover.snapshot;

import io.switchover.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A snapshot that notes which files were read through it and what each held, so that whatever was derived from them
 * can be reused while {@link #unchanged} says they still hold the same: the readers need not say what they read.
 * Safe to read from several threads at once.
 */
public final class ReadRecorder implements Snapshot {
    private final Snapshot snapshot;
    private final Map<String, String> read = new ConcurrentHashMap<>();

    public ReadRecorder(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public String name() {
        return snapshot.name();
    }

    @Override
    public List<String> files() {
        return snapshot.files();
    }

    @Override
    public FileText readFile(String path) {
        try {
            FileText text = snapshot.readFile(path);
            read.put(path, contentId(text));
            return text;
        } catch (UnreadableFile e) {
            read.put(path, unreadable(e));
            throw e;
        }
    }

    @Override
    public List<SkippedFile> skipped() {
        return snapshot.skipped();
    }

    @Override
    public Optional<String> commit() {
        return snapshot.commit();
    }

    /** Each file read so far, sorted by path, with a digest of what it held (or of why it could not be read). */
    public Map<String, String> read() {
        return new TreeMap<>(read);
    }

    /** Whether every one of the files still reads as {@code read} says it did. */
    public static boolean unchanged(Snapshot snapshot, Map<String, String> read) {
        for (Map.Entry<String, String> file : read.entrySet()) {
            String now;
            try {
                now = contentId(snapshot.readFile(file.getKey()));
            } catch (UnreadableFile e) {
                now = unreadable(e);
            } catch (RuntimeException e) {
                return false;
            }
            if (!now.equals(file.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static String contentId(FileText text) {
        MessageDigest digest = Sha256.digest();
        digest.update(text.text().getBytes(StandardCharsets.UTF_8));
        text.note().ifPresent(note -> digest.update(("\0" + note).getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String unreadable(UnreadableFile e) {
        return "unreadable: " + e.reason();
    }
}
