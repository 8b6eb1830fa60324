package io.switchover.replay;

import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.ProbeOutcome;
import io.switchover.timeline.ProbeStatement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The probes' outcomes at one production schema (S0), by statement and parameter values: a statement probed again at
 * the same S0 with the same values (the second replay that confirms which migrations to hold back, the next check of
 * an unchanged production) takes its outcome from here instead of running. A probe is known by the SHA-256 of all it
 * is (the statement's text, its tables, columns and flags, and each value with its type), so that any change is
 * another probe; an outcome that may not repeat (a timeout, a lost connection: {@link FailureKind#OTHER}) is not kept.
 * Kept in a file of one outcome a line, each line closed by a mark, so that a cut-off file loses lines, never a part
 * of one.
 */
final class S0Probes {
    private static final String HEADER = "switchover-s0-probes 1 ";
    private static final String END = "$";
    private static final String NONE = "-";

    private final String baseline;
    private final Map<String, ProbeOutcome> known = new ConcurrentHashMap<>();
    private volatile boolean added;

    private S0Probes(String baseline) {
        this.baseline = baseline;
    }

    /** Outcomes at the S0 of the baseline key {@code digest}, none yet. */
    static S0Probes of(String digest) {
        return new S0Probes(digest);
    }

    /**
     * The probe's name: empty when a value is of a type whose text may not say all it holds (then it is probed every
     * time).
     */
    static Optional<String> key(ProbeStatement statement, List<Object> values) {
        StringBuilder text = new StringBuilder(statement.toString());
        for (Object value : values) {
            text.append('\n');
            if (value == null) {
                text.append("null");
            } else if (value instanceof byte[] bytes) {
                text.append("bytes:").append(HexFormat.of().formatHex(bytes));
            } else if (value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof Character || value instanceof UUID || value instanceof UntypedValue
                    || value instanceof java.util.Date || value instanceof java.time.temporal.TemporalAccessor) {
                text.append(value.getClass().getName()).append(':').append(value);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(BaselineKey.sha256(text.toString()));
    }

    /** The baseline key's digest these outcomes are at. */
    String baseline() {
        return baseline;
    }

    Optional<ProbeOutcome> find(String key) {
        return Optional.ofNullable(known.get(key));
    }

    void put(String key, ProbeOutcome outcome) {
        if (outcome.unaffected() || (outcome.error() != null && outcome.error().kind() == FailureKind.OTHER)) {
            return;
        }
        if (known.putIfAbsent(key, outcome) == null) {
            added = true;
        }
    }

    int size() {
        return known.size();
    }

    /** Whether outcomes were added since it was made or read. */
    boolean added() {
        return added;
    }

    /**
     * The outcomes kept in {@code file}; none when it is missing, of another baseline or not one this build wrote.
     * A line that is not whole is left out.
     */
    static S0Probes read(Path file, String digest) {
        S0Probes probes = new S0Probes(digest);
        if (!Files.isRegularFile(file)) {
            return probes;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return probes;
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER + digest)) {
            return probes;
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            if (fields.length != 7 || !fields[6].equals(END)) {
                continue;
            }
            try {
                probes.known.put(fields[0], outcome(fields));
            } catch (IllegalArgumentException e) {
                // not a line this build wrote: probed again
            }
        }
        return probes;
    }

    /** Writes all outcomes to {@code file}, replacing it whole (written aside, then moved). */
    synchronized void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER + baseline);
        known.forEach((key, outcome) -> {
            DatabaseError error = outcome.error();
            lines.add(String.join("\t", key,
                    error == null ? NONE : escape(error.sqlState()),
                    error == null ? NONE : String.valueOf(error.vendorCode()),
                    error == null ? NONE : error.kind().name(),
                    error == null ? NONE : escape(error.message()),
                    outcome.resultColumns() == null ? NONE : outcome.resultColumns().size() + ":"
                            + escape(String.join("\n", outcome.resultColumns())),
                    END));
        });
        Path aside = file.resolveSibling(file.getFileName() + ".part-" + UUID.randomUUID());
        try {
            Files.write(aside, lines, StandardCharsets.UTF_8);
            try {
                Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(aside);
        }
        added = false;
    }

    private static ProbeOutcome outcome(String[] fields) {
        List<String> columns = fields[5].equals(NONE) ? null : columns(fields[5]);
        if (fields[3].equals(NONE)) {
            return columns == null ? ProbeOutcome.ok() : ProbeOutcome.returning(columns);
        }
        DatabaseError error = new DatabaseError(unescapeNullable(fields[1]), Integer.parseInt(fields[2]),
                unescapeNullable(fields[4]), FailureKind.valueOf(fields[3]));
        return new ProbeOutcome(error, false, columns);
    }

    /** {@code <count>:<labels>}, the labels joined by line breaks (so that no labels and one empty label differ). */
    private static List<String> columns(String field) {
        int colon = field.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no count of columns");
        }
        int count = Integer.parseInt(field.substring(0, colon));
        List<String> labels = count == 0 ? List.of() : List.of(unescape(field.substring(colon + 1)).split("\n", -1));
        if (labels.size() != count) {
            throw new IllegalArgumentException("not " + count + " columns");
        }
        return labels;
    }

    /** A field without tabs or line breaks; a null as {@code \0}. */
    private static String escape(String value) {
        if (value == null) {
            return "\\0";
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescapeNullable(String field) {
        return field.equals("\\0") ? null : unescape(field);
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= field.length()) {
                throw new IllegalArgumentException("an escape cut off");
            }
            char next = field.charAt(i);
            out.append(switch (next) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case '\\' -> '\\';
                default -> throw new IllegalArgumentException("unknown escape \\" + next);
            });
        }
        return out.toString();
    }
}
