package io.switchover.patterns.capture;

import io.switchover.FileProblem;
import io.switchover.SwitchoverException;
import io.switchover.patterns.SourceFile;
import io.switchover.patterns.SqlExtractor;
import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.snapshot.FileText;
import io.switchover.snapshot.SnapshotLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads captured SQL: {@code pg_stat_statements} exports ({@value #PG_STAT_STATEMENTS}) and PostgreSQL statement logs
 * ({@value #PG_LOG}). Only queries and data changes are kept (SELECT, INSERT, UPDATE, DELETE, MERGE, WITH); transaction
 * control, {@code SET} and {@code SHOW} are what drivers send, not what the service's code does. PostgreSQL's
 * {@code $1} parameters become {@code ?}. A statement captured many times is reported once, where it first appears.
 *
 * <p>In a snapshot, a capture is a file named {@code *.pg_stat_statements.csv} or {@code *.pg_stat_statements.json},
 * or any {@code .csv}, {@code .json}, {@code .log} or {@code .txt} file under a folder {@code captured-sql/}.
 */
public final class CapturedSqlReader implements SqlExtractor {
    public static final String PG_STAT_STATEMENTS = "pg-stat-statements";
    public static final String PG_LOG = "pg-log";

    private static final Pattern CAPTURE_NAME = Pattern.compile(
            "(?i)(^|.*/)[^/]*\\.pg_stat_statements\\.(csv|json)|(^|.*/)captured-sql/.*\\.(csv|json|log|txt)");
    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s*(/\\*.*?\\*/|--[^\\n]*\\n?))+",
            Pattern.DOTALL);

    private final SqlStatementClassifier classifier;

    public CapturedSqlReader(SqlStatementClassifier classifier) {
        this.classifier = classifier;
    }

    /** Whether a file of a snapshot is a capture by the naming convention above. */
    @Override
    public boolean reads(String path) {
        return isCaptureFile(path);
    }

    @Override
    public ExtractionResult extract(SourceFile file) {
        return read(file.path(), file.text());
    }

    public static boolean isCaptureFile(String path) {
        return CAPTURE_NAME.matcher(path.replace('\\', '/')).matches();
    }

    /**
     * Reads a capture named on the command line. One that cannot be read is bad input: it was named to be checked,
     * and a check without it could pass on what it never saw.
     */
    public ExtractionResult read(Path file) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw SwitchoverException.badInput("captured SQL " + file + " cannot be read: "
                        + (Files.exists(file) ? "not a regular file" : "no such file"));
            }
            if (Files.size(file) > SnapshotLimits.MAX_FILE_BYTES) {
                throw SwitchoverException.badInput("captured SQL " + file + " is " + SnapshotLimits.size(Files.size(file))
                        + ", more than the " + SnapshotLimits.size(SnapshotLimits.MAX_FILE_BYTES) + " switchover reads"
                        + " of one file; keep a day of the log, or export pg_stat_statements instead");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw SwitchoverException.badInput("captured SQL " + file + " cannot be read: " + FileProblem.describe(e));
        }
        FileText text = FileText.decode(file.toString(), bytes);
        ExtractionResult result = read(file.toString(), text.text());
        return text.note().map(result::withWarning).orElse(result);
    }

    /**
     * Reads a capture: JSON when the name ends in {@code .json} or the text starts with {@code [}, CSV when the name
     * ends in {@code .csv}, a PostgreSQL log otherwise.
     *
     * @param name how origins name the file
     */
    public ExtractionResult read(String name, String text) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<CapturedStatement> captured = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String extractor;
        try {
            if (lower.endsWith(".json") || text.stripLeading().startsWith("[")) {
                extractor = PG_STAT_STATEMENTS;
                PgStatStatements.readJson(text, captured);
            } else if (lower.endsWith(".csv")) {
                extractor = PG_STAT_STATEMENTS;
                PgStatStatements.readCsv(text, captured);
            } else {
                extractor = PG_LOG;
                PostgresLog.read(text, captured);
            }
        } catch (CaptureFormatException e) {
            return new ExtractionResult(List.of(), List.of(UnresolvedSql.wholeFile(name, 1, e.getMessage())),
                    List.of());
        }
        return toResult(name, extractor, captured, warnings);
    }

    private ExtractionResult toResult(String name, String extractor, List<CapturedStatement> captured,
                                      List<String> warnings) {
        List<AccessPattern> patterns = new ArrayList<>();
        List<UnresolvedSql> notChecked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CapturedStatement statement : captured) {
            String sql = positional(withoutLeadingComments(statement.sql()).strip());
            while (sql.endsWith(";")) {
                sql = sql.substring(0, sql.length() - 1).strip();
            }
            if (sql.isEmpty() || !seen.add(sql.replaceAll("\\s+", " "))) {
                continue;
            }
            Origin origin = new Origin(name, statement.line());
            if (classifier.isSql(sql)) {
                patterns.add(new AccessPattern(sql, origin, extractor));
            } else if (classifier.looksLikeSql(sql)) {
                String oneLine = sql.replaceAll("\\s+", " ");
                notChecked.add(new UnresolvedSql(origin, oneLine.length() <= 160 ? oneLine
                        : oneLine.substring(0, 159) + "…", "JSqlParser cannot parse it"));
            }
        }
        return new ExtractionResult(patterns, notChecked, warnings);
    }

    private static String withoutLeadingComments(String sql) {
        return LEADING_COMMENTS.matcher(sql).replaceFirst("");
    }

    /** {@code $1} to {@code ?}, outside quoted text. */
    static String positional(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (c == '$' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))
                    && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                while (i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                    i++;
                }
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** One statement as captured, with the 1-based line of the capture file it starts on. */
    record CapturedStatement(String sql, int line) {
    }

    /** The capture is not in the format its name says. */
    static final class CaptureFormatException extends Exception {
        private static final long serialVersionUID = 1L;

        CaptureFormatException(String message) {
            super(message);
        }
    }
}
