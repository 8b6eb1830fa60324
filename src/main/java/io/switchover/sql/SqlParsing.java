package io.switchover.sql;

import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Parses one statement with JSqlParser, the one place where SQL is parsed, within bounds. JSqlParser's grammar
 * backtracks: parentheses nested 3,000 deep took 28 s, 20,000 deep over two minutes, and its recursion grows with the
 * depth. So a statement nested deeper than {@value #MAX_NESTING} levels or longer than {@value #MAX_CHARS}
 * characters is not parsed at all ("not parsed: ..."), and a parse that runs longer than {@value #TIMEOUT_MILLIS} ms
 * is stopped.
 *
 * <p>The timeout is JSqlParser's own mechanism: its parser gives up at its next check once its {@code interrupted}
 * flag is set. {@code CCJSqlParserUtil.parse(String)} sets it from a thread pool it makes per call (which made a
 * scan of thousands of strings take seconds); driving the parser directly, as here, bypasses that timeout, so one
 * shared watchdog thread sets the flag instead, looking every {@value #WATCH_MILLIS} ms at the parses under way, and
 * the parse itself runs on the caller's thread: a parse costs a map entry, not a task scheduled and cancelled.
 */
public final class SqlParsing {
    /** Parentheses inside each other; real statements nest a handful, generated ones a few dozen. */
    public static final int MAX_NESTING = 100;
    /** Characters of one statement; the longest real statements of a service are some kilobytes. */
    public static final int MAX_CHARS = 200_000;
    /** Time for one parse; JSqlParser takes milliseconds over a real statement. */
    public static final long TIMEOUT_MILLIS = 5_000;

    /** {@code uuid} as a column name: not a cast's type ({@code ::uuid}, {@code AS uuid}) nor in quotes. */
    private static final java.util.regex.Pattern KEYWORD_AS_COLUMN = java.util.regex.Pattern.compile(
            "(?i)(?<=[\\s(,=.]|^)(?<!\\bas\\s)(uuid|script)\\b(?![\"'(])");
    /** EclipseLink's named parameter of a native query, {@code ?tenant}: JSqlParser reads {@code :tenant}. */
    private static final java.util.regex.Pattern QUESTION_MARK_NAME = java.util.regex.Pattern.compile(
            "\\?(?=[A-Za-z_])");
    /** A named parameter, {@code :script}: JSqlParser refuses one named as its keywords; {@code ::type} is none. */
    private static final java.util.regex.Pattern COLON_NAME = java.util.regex.Pattern.compile(
            "(?<![:\\w]):[A-Za-z_]\\w*");

    private static final long WATCH_MILLIS = 20;
    /** The parses under way, each with the {@link System#nanoTime} after which it is stopped. */
    private static final Map<CCJSqlParser, Long> RUNNING = new ConcurrentHashMap<>();

    static {
        Thread watchdog = new Thread(SqlParsing::watch, "switchover-sql-parse-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private SqlParsing() {
    }

    /**
     * Either the statement or why there is none: the first line of the reason JSqlParser gave up, or the bound the
     * statement is beyond.
     *
     * @param refused the statement was not given to JSqlParser (or was stopped): it is beyond a bound, not invalid
     */
    public record Parsed(Statement statement, String problem, boolean refused) {
        public boolean ok() {
            return statement != null;
        }

        /** For a place not checked: "JSqlParser cannot parse it: ..." or "not parsed: ...". */
        public String reason() {
            if (refused) {
                return "not parsed: " + problem;
            }
            return "JSqlParser cannot parse it" + (problem == null || problem.isEmpty() ? "" : ": " + problem);
        }
    }

    /**
     * The parse of a statement, afresh: a check keeps what it read of each text (see the patterns stage's
     * {@code StatementReadings}).
     */
    public static Parsed parse(String sql) {
        return parseAnew(withoutTrailingSemicolon(sql));
    }

    private static Parsed parseAnew(String text) {
        Parsed parsed = parseWithin(text, MAX_NESTING, TIMEOUT_MILLIS);
        boolean keyword = KEYWORD_AS_COLUMN.matcher(text).find();
        boolean named = QUESTION_MARK_NAME.matcher(text).find() || keyword && COLON_NAME.matcher(text).find();
        if (parsed.ok() || parsed.refused() || !keyword && !named) {
            return parsed;
        }
        // JSqlParser 5.4 takes uuid and script for its keywords where PostgreSQL takes columns of those names; quoted,
        // each is the same column (PostgreSQL folds the unquoted name to lower case); EclipseLink's ?name is a
        // parameter as :name is. The statement's text is not changed.
        String readable = KEYWORD_AS_COLUMN.matcher(text)
                .replaceAll(m -> "\"" + m.group(1).toLowerCase(java.util.Locale.ROOT) + "\"");
        readable = QUESTION_MARK_NAME.matcher(readable).replaceAll(":");
        if (keyword) {
            readable = COLON_NAME.matcher(readable).replaceAll("?"); // alf.io's :script beside the column script
        }
        Parsed quoted = parseWithin(readable, MAX_NESTING, TIMEOUT_MILLIS);
        return quoted.ok() ? quoted : parsed;
    }

    /** The bounded parse, the bounds given (tests give other ones). */
    static Parsed parseWithin(String text, int maxNesting, long timeoutMillis) {
        if (text.length() > MAX_CHARS) {
            return refused("it is " + text.length() / 1024 + " KB long, longer than the " + MAX_CHARS / 1000
                    + " K characters JSqlParser is given");
        }
        int nesting = nesting(text);
        if (nesting > maxNesting) {
            return refused("nested " + nesting + " deep, deeper than the " + maxNesting
                    + " levels JSqlParser is given");
        }
        CCJSqlParser parser = CCJSqlParserUtil.newParser(text);
        RUNNING.put(parser, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
        try {
            Statement statement = parser.Statement();
            return parser.interrupted ? timedOut(timeoutMillis) : new Parsed(statement, null, false);
        } catch (ParseException | RuntimeException | StackOverflowError e) {
            if (parser.interrupted) {
                return timedOut(timeoutMillis);
            }
            // RuntimeException covers TokenMgrException and JSqlParser's own occasional internal failures.
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Parsed(null, message.lines().findFirst().orElse("").strip(), false);
        } finally {
            RUNNING.remove(parser);
        }
    }

    /** The watchdog's loop: a parse past its time is told to stop, which JSqlParser does at its next check. */
    private static void watch() {
        while (true) {
            try {
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            RUNNING.forEach((parser, deadline) -> {
                if (now - deadline > 0) {
                    parser.interrupted = true;
                }
            });
        }
    }

    private static Parsed timedOut(long timeoutMillis) {
        return refused("JSqlParser was stopped after " + timeoutMillis + " ms");
    }

    private static Parsed refused(String why) {
        return new Parsed(null, why, true);
    }

    /** The deepest nesting of parentheses and brackets outside strings, quoted names and comments. */
    static int nesting(String text) {
        int depth = 0;
        int deepest = 0;
        int i = 0;
        while (i < text.length()) {
            int after = SqlText.skipNonCode(text, i);
            if (after > i) {
                i = after;
                continue;
            }
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            }
            i++;
        }
        return deepest;
    }

    public static String withoutTrailingSemicolon(String sql) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }
}
