package io.switchover.patterns;

import io.switchover.patterns.model.StatementKind;
import io.switchover.sql.SqlParsing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one check has read of each SQL text, so that it parses each text once: the kind extraction's classifier found
 * it to be, and what the probe planner needs of it (its {@link SqlReferences}). Both are read from the tree as soon as
 * it is made, and the tree is not kept: a JSqlParser tree takes some 40 bytes per character, and a version's trees
 * would otherwise be held from its classification until the planner reads it (20,000 statements: some 45 MB). A
 * failed parse is kept, for the reason the report gives. One per check, so that what a check costs does not depend on
 * the checks before it in the same process.
 */
public final class StatementReadings {
    /** Characters of the failed statements kept for their reasons; past it they are parsed again when asked. */
    private static final long FAILED_CHARS = 2_500_000;

    private final Map<String, SqlParsing.Parsed> failed = new ConcurrentHashMap<>();
    private final AtomicLong failedChars = new AtomicLong();
    /** The classifier's kind of each text that parsed; empty for prose and the kinds not checked. */
    private final Map<String, Optional<StatementKind>> kinds = new ConcurrentHashMap<>();
    /** By the text JSqlParser was given: the statement with its parameters positional. */
    private final Map<String, Optional<SqlReferences>> references = new ConcurrentHashMap<>();
    private final AtomicLong parses = new AtomicLong();

    /**
     * The parse of a statement ({@link SqlParsing#parse}): a failure as it was the first time, a tree afresh. The
     * tree may be shared with other readers of the same call: read it, never change it.
     */
    public SqlParsing.Parsed parse(String sql) {
        String text = SqlParsing.withoutTrailingSemicolon(sql);
        SqlParsing.Parsed known = failed.get(text);
        if (known != null) {
            return known;
        }
        parses.incrementAndGet();
        SqlParsing.Parsed fresh = SqlParsing.parse(text);
        if (!fresh.ok() && failedChars.addAndGet(text.length()) <= FAILED_CHARS) {
            failed.put(text, fresh);
        }
        return fresh;
    }

    /** How many times JSqlParser was given a text, so that a test can tell each is parsed once. */
    long parses() {
        return parses.get();
    }

    /** The kind the classifier found the text to be, or null if it has not read it. */
    Optional<StatementKind> kind(String text) {
        return kinds.get(text);
    }

    /**
     * What the classifier read of a text it parsed: its kind, and what the planner will need of it, from the same
     * tree while it is there (when the text's parameters are positional already, as the planner parses it).
     */
    void read(String text, SqlParsing.Parsed parsed, Optional<StatementKind> kind) {
        kinds.put(text, kind);
        JdbcParameters.Positional positional = JdbcParameters.toPositional(text);
        String key = SqlParsing.withoutTrailingSemicolon(positional.sql());
        if (kind.isPresent() && key.equals(SqlParsing.withoutTrailingSemicolon(text)) && !references.containsKey(key)) {
            references.putIfAbsent(key, SqlReferences.of(positional, parsed));
        }
    }

    /** What the statement references ({@link SqlReferences#of(String)}), read once per check. */
    public Optional<SqlReferences> references(String sql) {
        JdbcParameters.Positional positional = JdbcParameters.toPositional(sql);
        String key = SqlParsing.withoutTrailingSemicolon(positional.sql());
        Optional<SqlReferences> known = references.get(key);
        if (known != null) {
            return known;
        }
        Optional<SqlReferences> read = SqlReferences.of(positional, parse(positional.sql()));
        references.putIfAbsent(key, read);
        return read;
    }
}
