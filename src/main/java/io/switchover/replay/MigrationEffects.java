package io.switchover.replay;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a migration can change that an old statement could notice, read from its text: nothing (data changes, index
 * builds, comments, grants, settings), the named tables and views, or anything (functions, types, triggers without a
 * table, CASCADE, statements not recognised). With the catalog diff it decides which statements need probing again
 * after a step; the catalog only sees tables, views and columns, so whatever else a migration does counts as
 * "anything".
 *
 * @param all    the migration may change what any statement sees
 * @param tables lower-case names of tables and views it changes (when not {@code all})
 */
record MigrationEffects(boolean all, Set<String> tables) {
    private static final String NAME = "((?:\"[^\"]+\"|`[^`]+`|[\\w$]+)(?:\\.(?:\"[^\"]+\"|`[^`]+`|[\\w$]+))?)";
    private static final Pattern NO_EFFECT = Pattern.compile(
            "(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY|ANALYZE|VACUUM|COMMENT ON|GRANT|REVOKE|SET|RESET|LOCK|"
                    + "CREATE (UNIQUE )?INDEX|DROP INDEX|ALTER INDEX|REINDEX|CREATE EXTENSION|CREATE SEQUENCE|"
                    + "ALTER SEQUENCE|SELECT (1|PG_SLEEP|SETVAL|NEXTVAL))\\b.*");
    private static final Pattern TABLE = Pattern.compile(
            "(?:CREATE (?:OR REPLACE )?(?:(?:GLOBAL |LOCAL )?(?:TEMP|TEMPORARY|UNLOGGED) )?(?:MATERIALIZED )?(?:TABLE|VIEW)"
                    + "|ALTER (?:MATERIALIZED )?(?:TABLE|VIEW)|DROP (?:MATERIALIZED )?(?:TABLE|VIEW))"
                    + " (?:IF (?:NOT )?EXISTS )?(?:ONLY )?" + NAME + ".*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TRIGGER = Pattern.compile(
            "(?:CREATE (?:OR REPLACE )?(?:CONSTRAINT )?TRIGGER|DROP TRIGGER(?: IF EXISTS)?) \\S+ .*?\\bON " + NAME + ".*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    static MigrationEffects of(String script) {
        Set<String> tables = new LinkedHashSet<>();
        for (ScriptStatements.Statement statement : ScriptStatements.split(script)) {
            String head = statement.head();
            if (head.contains(" CASCADE")) {
                return new MigrationEffects(true, Set.of());
            }
            if (NO_EFFECT.matcher(head).matches()) {
                continue;
            }
            String text = statement.text().strip().replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ")
                    .strip().replaceAll("\\s+", " ");
            Matcher table = TABLE.matcher(text);
            Matcher trigger = TRIGGER.matcher(text);
            if (head.startsWith("DROP TABLE ") || head.startsWith("DROP VIEW ")) {
                for (String name : text.replaceFirst("(?i)^DROP (TABLE|VIEW) (IF EXISTS )?", "").split(",")) {
                    tables.add(bare(name.strip().split(" ")[0]));
                }
            } else if (table.matches()) {
                tables.add(bare(table.group(1)));
            } else if (trigger.matches()) {
                tables.add(bare(trigger.group(1)));
            } else {
                return new MigrationEffects(true, Set.of());
            }
        }
        return new MigrationEffects(false, Set.copyOf(tables));
    }

    boolean none() {
        return !all && tables.isEmpty();
    }

    /** {@code "Public"."Person"} -> {@code person}: the catalog keys tables by lower-case name without schema. */
    private static String bare(String name) {
        String last = name.contains(".") && !name.endsWith("\"") ? name.substring(name.lastIndexOf('.') + 1)
                : name.replaceFirst("^.*\\.(?=\")", "");
        return last.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
    }
}
