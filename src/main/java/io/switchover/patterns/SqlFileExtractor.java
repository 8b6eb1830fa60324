package io.switchover.patterns;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.sql.SqlScriptSplitter;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the queries in a {@code .sql} file of the service (named queries, MyBatis-free query files, seed scripts).
 * DDL in such files is not the service's access pattern and is ignored.
 */
public final class SqlFileExtractor implements SqlExtractor {
    public static final String ID = "sql-file";

    private final SqlScriptSplitter splitter = new SqlScriptSplitter();
    private final SqlStatementClassifier classifier;

    public SqlFileExtractor(SqlStatementClassifier classifier) {
        this.classifier = classifier;
    }

    /** A {@code .sql} file, but Spring Boot's initialization scripts (see {@link #isInitializationScript}). */
    @Override
    public boolean reads(String path) {
        return path.endsWith(".sql") && !isInitializationScript(path);
    }

    @Override
    public ExtractionResult extract(SourceFile file) {
        return extract(file.path(), file.text());
    }

    /**
     * Spring Boot's {@code schema.sql}/{@code data.sql} (and {@code -<platform>} variants) run once when an instance
     * starts, not while it serves traffic: their seed INSERTs are not access patterns of the running version.
     */
    static boolean isInitializationScript(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.matches("(schema|data)(-[\\w.]+)?\\.sql");
    }

    public ExtractionResult extract(String path, String text) {
        List<AccessPattern> patterns = new ArrayList<>();
        List<UnresolvedSql> notChecked = new ArrayList<>();
        for (SqlScriptSplitter.ScriptStatement statement : splitter.split(text)) {
            Origin origin = new Origin(path, statement.line(),
                    statement.line() + (int) statement.sql().chars().filter(c -> c == '\n').count());
            if (classifier.isSql(statement.sql())) {
                patterns.add(new AccessPattern(statement.sql(), origin, ID));
            } else if (classifier.looksLikeSql(statement.sql())) {
                notChecked.add(new UnresolvedSql(origin, Fragments.shorten(statement.sql()),
                        classifier.parse(statement.sql()).reason()));
            }
        }
        return new ExtractionResult(patterns, notChecked, List.of());
    }
}
