package io.switchover.patterns;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ColumnRead;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.StatementKind;
import io.switchover.patterns.model.UnresolvedSql;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a scan found, and what its statements reference, as the extraction cache keeps it: plain strings and numbers in
 * a fixed order, nothing that names a class to load. Reading gives back equal values, with each distinct string kept
 * once however often it occurs (paths, extractor names, columns).
 */
final class ExtractionCodec {
    /** No string, list or map of an entry is longer than this: a damaged count fails at once. */
    private static final int MAX_LENGTH = 64 << 20;

    private ExtractionCodec() {
    }

    static void write(DataOutputStream out, ExtractionResult result, Map<String, Optional<SqlReferences>> references)
            throws IOException {
        out.writeInt(result.patterns().size());
        for (AccessPattern pattern : result.patterns()) {
            string(out, pattern.sql());
            origin(out, pattern.origin());
            string(out, pattern.extractor());
            out.writeInt(pattern.nullableParameters().size());
            for (Map.Entry<Integer, String> parameter : pattern.nullableParameters().entrySet()) {
                out.writeInt(parameter.getKey());
                string(out, parameter.getValue());
            }
        }
        out.writeInt(result.notChecked().size());
        for (UnresolvedSql unresolved : result.notChecked()) {
            origin(out, unresolved.origin());
            string(out, unresolved.fragment());
            string(out, unresolved.reason());
        }
        strings(out, result.warnings());
        out.writeInt(result.reads().size());
        for (ColumnRead read : result.reads()) {
            origin(out, read.origin());
            string(out, read.column());
            string(out, read.statement());
        }
        out.writeInt(references.size());
        for (Map.Entry<String, Optional<SqlReferences>> entry : references.entrySet()) {
            string(out, entry.getKey());
            out.writeBoolean(entry.getValue().isPresent());
            if (entry.getValue().isPresent()) {
                references(out, entry.getValue().get());
            }
        }
    }

    /** @throws IOException when the bytes are not an entry this build wrote */
    static Read read(DataInputStream in) throws IOException {
        Strings strings = new Strings();
        List<AccessPattern> patterns = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            String sql = strings.read(in);
            Origin origin = origin(in, strings);
            String extractor = strings.read(in);
            Map<Integer, String> nullable = new TreeMap<>();
            for (int j = count(in); j > 0; j--) {
                nullable.put(in.readInt(), strings.read(in));
            }
            patterns.add(new AccessPattern(sql, origin, extractor, nullable));
        }
        List<UnresolvedSql> notChecked = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            notChecked.add(new UnresolvedSql(origin(in, strings), strings.read(in), strings.read(in)));
        }
        List<String> warnings = strings.list(in);
        List<ColumnRead> reads = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            reads.add(new ColumnRead(origin(in, strings), strings.read(in), strings.read(in)));
        }
        Map<String, Optional<SqlReferences>> references = new LinkedHashMap<>();
        for (int i = count(in); i > 0; i--) {
            String sql = strings.read(in);
            references.put(sql, in.readBoolean() ? Optional.of(references(in, strings)) : Optional.empty());
        }
        return new Read(new ExtractionResult(patterns, notChecked, warnings, reads), references);
    }

    /** A scan's result and its statements' references, as read back. */
    record Read(ExtractionResult result, Map<String, Optional<SqlReferences>> references) {
    }

    private static void references(DataOutputStream out, SqlReferences references) throws IOException {
        out.writeInt(references.kind().ordinal());
        strings(out, List.copyOf(references.tables()));
        strings(out, List.copyOf(references.qualifiedTables()));
        out.writeInt(references.columns().size());
        for (Map.Entry<String, Set<String>> table : references.columns().entrySet()) {
            string(out, table.getKey());
            strings(out, List.copyOf(table.getValue()));
        }
        strings(out, references.insertColumns());
        strings(out, references.updateColumns());
        out.writeBoolean(references.selectsStar());
        strings(out, List.copyOf(references.starredTables()));
        strings(out, references.parameterColumns());
    }

    private static SqlReferences references(DataInputStream in, Strings strings) throws IOException {
        int kind = in.readInt();
        if (kind < 0 || kind >= StatementKind.values().length) {
            throw new IOException("no statement kind " + kind);
        }
        Set<String> tables = new LinkedHashSet<>(strings.list(in));
        Set<String> qualified = new LinkedHashSet<>(strings.list(in));
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        for (int i = count(in); i > 0; i--) {
            columns.put(strings.read(in), new LinkedHashSet<>(strings.list(in)));
        }
        List<String> insertColumns = strings.list(in);
        List<String> updateColumns = strings.list(in);
        boolean star = in.readBoolean();
        Set<String> starred = new LinkedHashSet<>(strings.list(in));
        List<String> parameterColumns = strings.list(in);
        return new SqlReferences(StatementKind.values()[kind], tables, qualified, columns, insertColumns, updateColumns,
                star, starred, parameterColumns);
    }

    private static void origin(DataOutputStream out, Origin origin) throws IOException {
        string(out, origin.path());
        out.writeInt(origin.line());
        out.writeInt(origin.lastLine());
    }

    private static Origin origin(DataInputStream in, Strings strings) throws IOException {
        return new Origin(strings.read(in), in.readInt(), in.readInt());
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            string(out, value);
        }
    }

    /** A string as its UTF-8 length and bytes; null as length -1. */
    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_LENGTH) {
            throw new IOException("a count of " + count);
        }
        return count;
    }

    /** The strings of one entry, each distinct one kept once. */
    private static final class Strings {
        private final Map<String, String> seen = new HashMap<>();

        String read(DataInputStream in) throws IOException {
            int length = in.readInt();
            if (length == -1) {
                return null;
            }
            if (length < 0 || length > MAX_LENGTH) {
                throw new IOException("a string of " + length + " bytes");
            }
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new IOException("the entry ends inside a string");
            }
            String value = new String(bytes, StandardCharsets.UTF_8);
            String known = seen.putIfAbsent(value, value);
            return known != null ? known : value;
        }

        List<String> list(DataInputStream in) throws IOException {
            List<String> values = new ArrayList<>();
            for (int i = count(in); i > 0; i--) {
                values.add(read(in));
            }
            return values;
        }
    }
}
