package io.switchover.replay;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The comment that marks a database as a switchover replay database: when and by which process it was made, and the
 * lock its owner holds on the server for as long as it runs ({@code lock=}, the proof that the owner is alive). Older
 * versions wrote no lock; their marks are known by their age alone.
 */
record ServerMark(Instant created, ReplayOwner owner, Optional<String> lock) {
    static final String PREFIX = "switchover replay database";

    String text() {
        return PREFIX + "; created=" + created + "; pid=" + owner.pid()
                + owner.started().map(started -> "; started=" + started).orElse("") + "; host=" + owner.host()
                + lock.map(key -> "; lock=" + key).orElse("");
    }

    /** For notes: when and by whom. */
    String describe() {
        return "created=" + created + "; pid=" + owner.pid() + "; host=" + owner.host();
    }

    /** The mark a comment holds; empty when the comment is not switchover's mark (or there is none). */
    static Optional<ServerMark> read(String comment) {
        if (comment == null || !comment.startsWith(PREFIX + ";")) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : comment.substring(PREFIX.length() + 1).split(";")) {
            int equals = field.indexOf('=');
            if (equals > 0) {
                fields.put(field.substring(0, equals).strip(), field.substring(equals + 1).strip());
            }
        }
        try {
            Instant created = Instant.parse(fields.getOrDefault("created", ""));
            long pid = Long.parseLong(fields.getOrDefault("pid", ""));
            String host = fields.get("host");
            if (host == null || host.isEmpty()) {
                return Optional.empty();
            }
            Optional<Instant> started = Optional.ofNullable(fields.get("started")).map(Instant::parse);
            Optional<String> lock = Optional.ofNullable(fields.get("lock")).filter(key -> !key.isEmpty());
            return Optional.of(new ServerMark(created, new ReplayOwner(host, pid, started), lock));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
