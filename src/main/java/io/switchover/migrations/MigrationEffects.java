package io.switchover.migrations;

import io.switchover.sql.SqlScriptSplitter;
import io.switchover.sql.SqlText;
import io.switchover.sql.StatementHead;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a migration can change that an old statement could notice, read from its statements: nothing (data changes, index
 * builds, comments, grants, settings), the named tables and views, or anything (functions, types, triggers without a
 * table, CASCADE, statements not recognised). With the catalog diff it decides which statements need probing again
 * after a step; the catalog only sees tables, views and columns, so whatever else a migration does counts as
 * "anything".
 *
 * @param all        the migration may change what any statement sees
 * @param tables     lower-case names of tables and views it changes (when not {@code all})
 * @param columnOnly those of {@code tables} that it changes only by adding, dropping, altering or renaming columns,
 *                   which the catalog diff sees whole: a statement using none of the changed columns is not affected
 * @param objects    it may change the schema's other objects ({@link SchemaObjects}): routines, sequences, types, or
 *                   the values a type or a CHECK list allows (read from its words: it names one of those kinds)
 */
public record MigrationEffects(boolean all, Set<String> tables, Set<String> columnOnly, boolean objects) {
    private static final Pattern OBJECT_WORDS = Pattern.compile(
            "\\b(CHECK|ENUM|CONSTRAINT|TYPE|DOMAIN|SEQUENCE|FUNCTION|PROCEDURE|SCHEMA|EXTENSION)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final String NAME = "((?:\"[^\"]+\"|`[^`]+`|[\\w$]+)(?:\\.(?:\"[^\"]+\"|`[^`]+`|[\\w$]+))?)";
    private static final Pattern NO_EFFECT = Pattern.compile(
            "(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY|ANALYZE|VACUUM|COMMENT ON|GRANT|REVOKE|SET|RESET|LOCK|"
                    + "CREATE (UNIQUE )?INDEX|DROP INDEX|ALTER INDEX|REINDEX|CREATE EXTENSION|CREATE SEQUENCE|"
                    + "ALTER SEQUENCE|SELECT (1|PG_SLEEP|SETVAL|NEXTVAL))\\b.*");
    private static final Pattern TABLE = Pattern.compile(
            "(?:CREATE (?:OR REPLACE )?(?:(?:GLOBAL |LOCAL )?(?:TEMP|TEMPORARY|UNLOGGED) )?(?:MATERIALIZED )?(?:TABLE|VIEW)"
                    + "|ALTER (?:MATERIALIZED )?(?:TABLE|VIEW)|DROP (?:MATERIALIZED )?(?:TABLE|VIEW))"
                    + " (?:IF (?:NOT )?EXISTS )?(?:ONLY )?" + NAME + ".*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "ALTER TABLE (?:IF EXISTS )?(?:ONLY )?" + NAME + " (.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern COLUMN_CLAUSE = Pattern.compile(
            "ADD (?:COLUMN )?(?:IF NOT EXISTS )?(?!CONSTRAINT\\b|PRIMARY\\b|FOREIGN\\b|UNIQUE\\b|CHECK\\b|EXCLUDE\\b"
                    + "|INDEX\\b|KEY\\b|PERIOD\\b)\\S+ .+"
                    + "|DROP (?:COLUMN )?(?:IF EXISTS )?(?!CONSTRAINT\\b|PRIMARY\\b|FOREIGN\\b|INDEX\\b|KEY\\b)\\S+(?: RESTRICT)?"
                    + "|ALTER (?:COLUMN )?(?!CONSTRAINT\\b)\\S+ .+"
                    + "|RENAME (?:COLUMN )?(?!TO\\b)\\S+ TO \\S+", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TRIGGER = Pattern.compile(
            "(?:CREATE (?:OR REPLACE )?(?:CONSTRAINT )?TRIGGER|DROP TRIGGER(?: IF EXISTS)?) \\S+ .*?\\bON " + NAME + ".*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** A migration that may change anything: a class that runs, or one that could not be read. */
    public static MigrationEffects anything() {
        return new MigrationEffects(true, Set.of(), Set.of(), true);
    }

    /** The effects of a script's text, cut into statements as {@link MigrationScriptReader} cuts it. */
    public static MigrationEffects of(String script) {
        return of(new SqlScriptSplitter().split(script).stream()
                .map(statement -> new MigrationStatement(statement.line(), statement.sql(), List.of())).toList());
    }

    static MigrationEffects of(List<MigrationStatement> statements) {
        Set<String> tables = new LinkedHashSet<>();
        Set<String> columnOnly = new LinkedHashSet<>();
        Set<String> otherwise = new LinkedHashSet<>();
        boolean objects = false;
        for (MigrationStatement statement : statements) {
            String head = StatementHead.of(statement.sql());
            if (head.contains(" CASCADE")) {
                return anything();
            }
            objects |= OBJECT_WORDS.matcher(statement.sql()).find();
            if (NO_EFFECT.matcher(head).matches()) {
                continue;
            }
            String text = statement.sql().strip().replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ")
                    .strip().replaceAll("\\s+", " ");
            Matcher table = TABLE.matcher(text);
            Matcher trigger = TRIGGER.matcher(text);
            Matcher alter = ALTER_TABLE.matcher(text);
            if (alter.matches() && onlyColumnClauses(alter.group(2))) {
                tables.add(bare(alter.group(1)));
                columnOnly.add(bare(alter.group(1)));
                continue;
            }
            if (head.startsWith("DROP TABLE ") || head.startsWith("DROP VIEW ")) {
                for (String name : text.replaceFirst("(?i)^DROP (TABLE|VIEW) (IF EXISTS )?", "").split(",")) {
                    tables.add(bare(name.strip().split(" ")[0]));
                    otherwise.add(bare(name.strip().split(" ")[0]));
                }
            } else if (table.matches()) {
                tables.add(bare(table.group(1)));
                otherwise.add(bare(table.group(1)));
            } else if (trigger.matches()) {
                tables.add(bare(trigger.group(1)));
                otherwise.add(bare(trigger.group(1)));
            } else {
                return anything();
            }
        }
        columnOnly.removeAll(otherwise);
        return new MigrationEffects(false, Set.copyOf(tables), Set.copyOf(columnOnly), objects);
    }

    /** Whether every clause of an ALTER TABLE adds, drops, alters or renames a column (top-level commas split them). */
    private static boolean onlyColumnClauses(String clauses) {
        int depth = 0;
        int start = 0;
        for (int i = 0; i < clauses.length(); i++) {
            int after = SqlText.skipNonCode(clauses, i);
            if (after > i) {
                i = after - 1;
                continue;
            }
            char c = clauses.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                if (!COLUMN_CLAUSE.matcher(clauses.substring(start, i).strip()).matches()) {
                    return false;
                }
                start = i + 1;
            }
        }
        return COLUMN_CLAUSE.matcher(clauses.substring(start).strip()).matches();
    }

    public boolean none() {
        return !all && tables.isEmpty();
    }

    /** {@code "Public"."Person"} -> {@code person}: the catalog keys tables by lower-case name without schema. */
    public static String bare(String name) {
        String last = name.contains(".") && !name.endsWith("\"") ? name.substring(name.lastIndexOf('.') + 1)
                : name.replaceFirst("^.*\\.(?=\")", "");
        return last.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
    }
}
