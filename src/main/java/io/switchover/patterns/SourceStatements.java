package io.switchover.patterns;

import java.util.regex.Pattern;

/** Whether a string a migration's source hands to a call reads as a SQL statement. */
final class SourceStatements {
    private static final Pattern KEYWORD = Pattern.compile("(?is)^(?:\\s|--[^\\n]*\\n|/\\*.*?\\*/)*(CREATE|ALTER|DROP"
            + "|INSERT|UPDATE|DELETE|MERGE|UPSERT|REPLACE|TRUNCATE|COMMENT|GRANT|REVOKE|SELECT|WITH|RENAME|DO|SET|CALL"
            + "|REINDEX|VACUUM|ANALYZE|LOCK|REFRESH|EXEC|EXECUTE|DECLARE|BEGIN)\\s+\\S.*");
    private static final Pattern DDL = Pattern.compile("(?is)^(?:\\s|--[^\\n]*\\n|/\\*.*?\\*/)*(CREATE|ALTER|DROP)"
            + "\\s+(OR\\s+REPLACE\\s+)?(UNIQUE\\s+|TEMP\\s+|TEMPORARY\\s+|UNLOGGED\\s+|MATERIALIZED\\s+)?(TABLE|VIEW"
            + "|INDEX|SEQUENCE|TYPE|FUNCTION|TRIGGER|SCHEMA|EXTENSION|PROCEDURE|DOMAIN|CONSTRAINT)\\b.*");
    private static final SqlStatementClassifier CLASSIFIER = new SqlStatementClassifier();

    private SourceStatements() {
    }

    /** Text handed to a call that runs SQL: any statement keyword followed by more. */
    static boolean isStatement(String text) {
        return KEYWORD.matcher(text).matches();
    }

    /** Text handed to any other call (a command object, a helper): only what cannot be prose. */
    static boolean isClearlyStatement(String text) {
        return DDL.matcher(text).matches() || CLASSIFIER.looksLikeSql(text);
    }
}
