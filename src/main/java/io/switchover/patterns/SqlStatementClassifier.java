package io.switchover.patterns;

import io.switchover.patterns.model.StatementKind;
import io.switchover.sql.SqlParsing;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.update.Update;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Decides whether a string is a query or data-changing statement a service sends (SELECT, INSERT, UPDATE, DELETE,
 * MERGE, WITH). A string counts only if JSqlParser parses it; a keyword test alone would take "update available" for
 * SQL.
 */
public final class SqlStatementClassifier {

    private static final Pattern LEADING_KEYWORD =
            Pattern.compile("^[\\s(]*(select|insert|update|delete|merge|with)\\s", Pattern.CASE_INSENSITIVE);

    // The word a real statement has after its first keyword; prose that starts with an SQL verb rarely has it.
    private static final Map<String, Pattern> FOLLOW_UP = Map.of(
            "select", Pattern.compile("\\bfrom\\b", Pattern.CASE_INSENSITIVE),
            "delete", Pattern.compile("\\bfrom\\b", Pattern.CASE_INSENSITIVE),
            "insert", Pattern.compile("\\binto\\b", Pattern.CASE_INSENSITIVE),
            "merge", Pattern.compile("\\binto\\b", Pattern.CASE_INSENSITIVE),
            "update", Pattern.compile("\\bset\\b", Pattern.CASE_INSENSITIVE),
            "with", Pattern.compile("\\bas\\b", Pattern.CASE_INSENSITIVE));

    /** {@code String.format}'s {@code %s}, {@code %1$s}, {@code %d}: text filled in at run time, no statement yet. */
    private static final Pattern FORMAT_SPECIFIER = Pattern.compile("%(\\d+\\$)?[sd]");

    private volatile Predicate<String> worthParsing = text -> true;
    private volatile boolean unparsedToo;
    /** Null when each string is parsed afresh. */
    private final StatementReadings readings;

    /** A classifier that parses each string it is asked about afresh. */
    public SqlStatementClassifier() {
        this.readings = null;
    }

    /**
     * A classifier that keeps what it read of each string in {@code readings}, shared with what reads the same
     * statements later.
     */
    public SqlStatementClassifier(StatementReadings readings) {
        this.readings = java.util.Objects.requireNonNull(readings);
    }

    /**
     * From now on a string that JSqlParser cannot read but that looks like SQL counts too, with the kind its first
     * keyword says: a check probes it as it is, and the database it replays on decides (the database is the parser
     * of last resort). A format string ({@code %s}) stays out: its text is completed at run time.
     */
    void acceptUnparsed(boolean accept) {
        this.unparsedToo = accept;
    }

    /**
     * From now on, a string the predicate rejects is classified by its look ({@link #looksLikeSql}) instead of being
     * parsed: a check parses only what its batch can concern (see the check's {@code StatementsWorthParsing}).
     */
    void parseOnly(Predicate<String> worthParsing) {
        this.worthParsing = worthParsing;
    }

    /**
     * The kind of statement, or empty when the text is not one of the checked kinds or does not parse. A string not
     * worth parsing counts when it looks like SQL, with the kind its first keyword says.
     */
    public Optional<StatementKind> classify(String text) {
        Optional<String> keyword = leadingKeyword(text);
        if (keyword.isEmpty()) {
            return Optional.empty();
        }
        if (!worthParsing.test(text)) {
            return looksLikeSql(text) ? Optional.of(StatementKind.valueOf(keyword.get().toUpperCase(Locale.ROOT)))
                    : Optional.empty();
        }
        Optional<StatementKind> known = readings == null ? null : readings.kind(text);
        if (known != null) {
            return known;
        }
        SqlParsing.Parsed parsed = parse(text);
        if (!parsed.ok()) {
            return unparsedToo && looksLikeSql(text) && !FORMAT_SPECIFIER.matcher(text).find()
                    ? Optional.of(StatementKind.valueOf(keyword.get().toUpperCase(Locale.ROOT))) : Optional.empty();
        }
        Optional<StatementKind> kind = isProse(parsed.statement()) ? Optional.empty() : kindOf(parsed.statement());
        if (readings != null) {
            readings.read(text, parsed, kind);
        }
        return kind;
    }

    /** The parse of a string, as {@link #classify} got it: for the reason a statement was not read. */
    public SqlParsing.Parsed parse(String text) {
        return readings == null ? SqlParsing.parse(text) : readings.parse(text);
    }

    public boolean isSql(String text) {
        return classify(text).isPresent();
    }

    /**
     * Whether text starts with a statement keyword followed by whitespace and later has the word such a statement
     * needs ({@code FROM}, {@code INTO}, {@code SET}, {@code AS}). Used for text that is not parsed, such as the
     * literal parts of SQL built at run time, to decide whether it is worth reporting as not checked.
     */
    public boolean looksLikeSql(String text) {
        return leadingKeyword(text).map(keyword -> FOLLOW_UP.get(keyword).matcher(text).find()).orElse(false);
    }

    static Optional<StatementKind> kindOf(Statement statement) {
        if (statement instanceof Select select) {
            boolean hasWith = select.getWithItemsList() != null && !select.getWithItemsList().isEmpty();
            return Optional.of(hasWith ? StatementKind.WITH : StatementKind.SELECT);
        }
        if (statement instanceof Insert) {
            return Optional.of(StatementKind.INSERT);
        }
        if (statement instanceof Update) {
            return Optional.of(StatementKind.UPDATE);
        }
        if (statement instanceof Delete) {
            return Optional.of(StatementKind.DELETE);
        }
        if (statement instanceof Merge) {
            return Optional.of(StatementKind.MERGE);
        }
        return Optional.empty();
    }

    private static Optional<String> leadingKeyword(String text) {
        var matcher = LEADING_KEYWORD.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * "Select a value" parses as {@code SELECT a AS value}. A SELECT without FROM that names a bare column cannot run
     * on any database, so it is prose. So is "Delete an Organisation" (a Swagger summary), which parses as
     * {@code DELETE an} with an alias: PostgreSQL, H2 and MariaDB all want FROM, and without a WHERE it would not be
     * a statement anyone sends from code anyway.
     */
    private static boolean isProse(Statement statement) {
        if (statement instanceof Delete delete) {
            return !delete.isHasFrom() && delete.getWhere() == null;
        }
        if (!(statement instanceof PlainSelect select) || select.getFromItem() != null) {
            return false;
        }
        for (SelectItem<?> item : select.getSelectItems()) {
            if (item.getExpression() instanceof Column) {
                return true;
            }
        }
        return false;
    }
}
