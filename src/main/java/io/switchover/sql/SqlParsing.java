package io.switchover.sql;

import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses one statement with JSqlParser. {@code CCJSqlParserUtil.parse(String)} starts a thread pool per call (it
 * enforces a timeout), which makes a scan of thousands of strings take seconds; the parser is driven directly here.
 */
public final class SqlParsing {
    /**
     * Statements parsed before, by text: extraction classifies a string and the probe planner then reads what it
     * references, and a candidate shares most strings with the running version. Bounded, since the text of a large
     * service is; past the bound, parsing just happens again.
     */
    private static final int MEMO_LIMIT = 50_000;
    private static final Map<String, Parsed> MEMO = new ConcurrentHashMap<>();

    private SqlParsing() {
    }

    /** Either the statement or the first line of the reason JSqlParser gave up. */
    public record Parsed(Statement statement, String problem) {
        public boolean ok() {
            return statement != null;
        }
    }

    /**
     * Forgets every parse: a check starts afresh, so that what it costs does not depend on the checks before it in the
     * same process (a benchmark runs several).
     */
    public static void forget() {
        MEMO.clear();
    }

    /**
     * The parse of a statement. The returned AST may be shared with other callers that parsed the same text: read
     * it, never change it.
     */
    public static Parsed parse(String sql) {
        String text = withoutTrailingSemicolon(sql);
        Parsed known = MEMO.get(text);
        if (known != null) {
            return known;
        }
        Parsed parsed = parseAnew(text);
        if (MEMO.size() < MEMO_LIMIT) {
            MEMO.put(text, parsed);
        }
        return parsed;
    }

    private static Parsed parseAnew(String text) {
        try {
            return new Parsed(CCJSqlParserUtil.newParser(text).Statement(), null);
        } catch (ParseException | RuntimeException | StackOverflowError e) {
            // RuntimeException covers TokenMgrException and JSqlParser's own occasional internal failures.
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Parsed(null, message.lines().findFirst().orElse("").strip());
        }
    }

    public static String withoutTrailingSemicolon(String sql) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }
}
