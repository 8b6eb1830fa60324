package io.switchover.sql;

import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;

/**
 * Parses one statement with JSqlParser. {@code CCJSqlParserUtil.parse(String)} starts a thread pool per call (it
 * enforces a timeout), which makes a scan of thousands of strings take seconds; the parser is driven directly here.
 */
public final class SqlParsing {

    private SqlParsing() {
    }

    /** Either the statement or the first line of the reason JSqlParser gave up. */
    public record Parsed(Statement statement, String problem) {
        public boolean ok() {
            return statement != null;
        }
    }

    public static Parsed parse(String sql) {
        String text = withoutTrailingSemicolon(sql);
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
