package io.switchover.rules;

import io.switchover.migrations.DdlChange;
import io.switchover.migrations.MigrationScript;
import io.switchover.migrations.MigrationStatement;
import io.switchover.sql.SqlTokens;
import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.SchemaState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code locking-ddl} where the replay ran on MariaDB, read from the migration text with MariaDB's online-DDL rules:
 * InnoDB runs most ALTER TABLEs in place while reads and writes go on ({@code LOCK=NONE}), but it copies the table
 * while writes wait for a column type change, a foreign key added while {@code foreign_key_checks} is on, a
 * character-set conversion, a primary key dropped, and wherever the statement asks for {@code ALGORITHM=COPY} or
 * {@code LOCK=SHARED|EXCLUSIVE}. A statement that names {@code ALGORITHM=INPLACE|INSTANT|NOCOPY} or {@code LOCK=NONE}
 * runs online or fails visibly, so it is left alone.
 */
final class MariaDbOnlineDdl {
    private static final Pattern ALTER = Pattern.compile("(?is)^\\s*ALTER\\s+(?:ONLINE\\s+)?(?:IGNORE\\s+)?TABLE\\s+"
            + "(?:IF\\s+EXISTS\\s+)?(`(?:[^`]|``)+`|[\\w$.]+)(.*)");
    private static final Pattern ONLINE = Pattern.compile("(?is).*\\b(ALGORITHM\\s*=?\\s*(INPLACE|INSTANT|NOCOPY)"
            + "|LOCK\\s*=?\\s*NONE)\\b.*");
    private static final Pattern BLOCKING = Pattern.compile("(?is).*\\b(ALGORITHM\\s*=?\\s*COPY|LOCK\\s*=?\\s*"
            + "(SHARED|EXCLUSIVE))\\b.*");
    private static final Pattern FOREIGN_KEY = Pattern.compile("(?is).*\\bADD\\s+(CONSTRAINT\\s+\\S+\\s+)?FOREIGN\\s+KEY"
            + "\\b.*");
    private static final Pattern CONVERT = Pattern.compile("(?is).*\\bCONVERT\\s+TO\\s+CHARACTER\\s+SET\\b.*");
    private static final Pattern DROP_PRIMARY = Pattern.compile("(?is).*\\bDROP\\s+PRIMARY\\s+KEY\\b(?!.*\\bADD\\s+"
            + "PRIMARY\\s+KEY\\b).*");
    private static final String HELP = "add ALGORITHM=INPLACE, LOCK=NONE so that MariaDB runs it online or refuses it;"
            + " where it must copy, add a new column or table and fill it in batches (expand-contract) instead";

    private MariaDbOnlineDdl() {
    }

    static List<Finding> findings(Evidence evidence, RuleDoc doc) {
        SchemaCatalog production = evidence.timeline().initial().catalog();
        List<Finding> findings = new ArrayList<>();
        for (MigrationScript script : evidence.scripts()) {
            for (MigrationStatement statement : script.statements()) {
                Matcher alter = ALTER.matcher(statement.sql());
                if (!alter.matches()) {
                    continue;
                }
                String table = SqlTokens.of(alter.group(1)).get(0).name();
                if (production.table(table).isEmpty() || ONLINE.matcher(alter.group(2)).matches()) {
                    continue;
                }
                why(evidence, script, statement, table, alter.group(2)).ifPresent(why -> findings.add(new Finding(
                        doc.id(), doc.severity(), doc.title(), script.migration(), script.step(), statement.line(),
                        null, null, script.migration().script() + " " + why + ": on MariaDB, writes of " + table
                        + " wait until the copy is done", HELP, null)));
            }
        }
        return findings;
    }

    private static Optional<String> why(Evidence evidence, MigrationScript script, MigrationStatement statement,
                                        String table, String clauses) {
        if (BLOCKING.matcher(clauses).matches()) {
            return Optional.of("asks for " + SqlTokens.text(SqlTokens.of(clauses)).replaceAll(".*?\\b((?i)ALGORITHM"
                    + "\\s*=?\\s*COPY|LOCK\\s*=?\\s*(SHARED|EXCLUSIVE)).*", "$1") + " on " + table);
        }
        if (FOREIGN_KEY.matcher(clauses).matches()) {
            return Optional.of("adds a foreign key to " + table + ", which MariaDB makes by copying " + table
                    + " while foreign_key_checks is on");
        }
        if (CONVERT.matcher(clauses).matches()) {
            return Optional.of("converts " + table + " to another character set, which copies it");
        }
        if (DROP_PRIMARY.matcher(clauses).matches()) {
            return Optional.of("drops the primary key of " + table + " without adding one, which copies it");
        }
        for (DdlChange change : evidence.changes().of(statement)) {
            if (change instanceof DdlChange.AlterColumnType type) {
                Optional<String> changed = typeChanged(evidence, script.step(), type);
                if (changed.isPresent()) {
                    return changed;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> typeChanged(Evidence evidence, int step, DdlChange.AlterColumnType type) {
        List<SchemaState> states = evidence.timeline().states();
        if (step >= states.size()) {
            return Optional.empty();
        }
        Optional<ColumnInfo> before = states.get(step - 1).catalog().column(type.table(), type.column());
        Optional<ColumnInfo> after = states.get(step).catalog().column(type.table(), type.column());
        if (before.isEmpty() || after.isEmpty() || ColumnTypes.changesWithoutRewrite(before.get(), after.get())) {
            return Optional.empty();
        }
        return Optional.of("changes " + type.table() + "." + type.column() + " from " + before.get().typeLabel()
                + " to " + after.get().typeLabel() + ", which MariaDB does by copying " + type.table());
    }
}
