package io.switchover.sql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The statements one check has parsed, by text: extraction classifies a string and the probe planner then reads what
 * it references, and a candidate shares most strings with the running version. One per check, so that what a check
 * costs does not depend on the checks before it in the same process. Bounded in statements and in their characters (a
 * syntax tree takes some 40 bytes per character: the bound is about 100 MB), since the text of a large service is;
 * past the bound, parsing just happens again.
 */
public final class ParseMemo {
    private static final int LIMIT = 50_000;
    private static final long CHARS = 2_500_000;

    private final Map<String, SqlParsing.Parsed> parsed = new ConcurrentHashMap<>();
    private final AtomicLong used = new AtomicLong();

    /**
     * The parse of a statement ({@link SqlParsing#parse}). The returned AST may be shared with other callers that
     * parsed the same text: read it, never change it.
     */
    public SqlParsing.Parsed parse(String sql) {
        String text = SqlParsing.withoutTrailingSemicolon(sql);
        SqlParsing.Parsed known = parsed.get(text);
        if (known != null) {
            return known;
        }
        SqlParsing.Parsed fresh = SqlParsing.parse(text);
        if (parsed.size() < LIMIT && used.addAndGet(text.length()) <= CHARS) {
            parsed.put(text, fresh);
        }
        return fresh;
    }
}
