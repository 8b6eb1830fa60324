package io.switchover.migrations;

import io.switchover.SwitchoverException;
import io.switchover.sql.SqlScriptSplitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the batch's migrations statement by statement, with their {@code switchover:allow} comments. */
public final class MigrationScriptReader {
    private static final Pattern SUPPRESSION =
            Pattern.compile("--\\s*switchover:(allow-file|allow)\\b\\s*([a-z0-9-]*)\\s*(.*)$");

    private final SqlScriptSplitter splitter = new SqlScriptSplitter();

    public List<MigrationScript> read(Batch batch) {
        List<MigrationScript> scripts = new ArrayList<>();
        for (int i = 0; i < batch.migrations().size(); i++) {
            Migration migration = batch.migrations().get(i);
            scripts.add(migration.isJava()
                    // a Java source's comments are not SQL comments: no suppressions there
                    ? new MigrationScript(migration, i + 1, statements(batch.candidate().readableSql(migration)), List.of())
                    : read(migration, i + 1, batch.candidate().snapshot().read(migration.path())));
        }
        return scripts;
    }

    MigrationScript read(Migration migration, int step, String text) {
        String[] lines = text.split("\\R", -1);
        List<Suppression> fileWide = new ArrayList<>();
        List<Suppression> pending = new ArrayList<>();
        List<MigrationStatement> statements = new ArrayList<>();
        int nextLine = 1;
        for (SqlScriptSplitter.ScriptStatement statement : splitter.split(text)) {
            if (statement.sql().isBlank()) {
                continue;
            }
            for (int line = nextLine; line < statement.line() && line <= lines.length; line++) {
                suppression(migration.script(), lines[line - 1], line).ifPresent(s -> (s.wholeFile() ? fileWide : pending).add(s));
            }
            statements.add(new MigrationStatement(statement.line(), statement.sql(), List.copyOf(pending)));
            pending.clear();
            nextLine = statement.line() + (int) statement.sql().chars().filter(c -> c == '\n').count() + 1;
        }
        for (int line = nextLine; line <= lines.length; line++) {
            int at = line;
            suppression(migration.script(), lines[line - 1], line).ifPresent(s -> {
                if (!s.wholeFile()) {
                    throw SwitchoverException.badInput(migration.script() + ":" + at + ": switchover:allow is followed by"
                            + " no statement; put it just before the statement it allows, or use switchover:allow-file");
                }
                fileWide.add(s);
            });
        }
        return new MigrationScript(migration, step, List.copyOf(statements), List.copyOf(fileWide));
    }

    /** The statements a Java migration's source executes, as a script's. */
    private List<MigrationStatement> statements(String script) {
        List<MigrationStatement> statements = new ArrayList<>();
        for (SqlScriptSplitter.ScriptStatement statement : splitter.split(script)) {
            if (!statement.sql().isBlank()) {
                statements.add(new MigrationStatement(0, statement.sql(), List.of()));
            }
        }
        return statements;
    }

    private static Optional<Suppression> suppression(String script, String text, int line) {
        Matcher matcher = SUPPRESSION.matcher(text.strip());
        if (!matcher.find()) {
            return Optional.empty();
        }
        String rule = matcher.group(2);
        String reason = matcher.group(3).strip();
        if (rule.isEmpty() || reason.isEmpty()) {
            throw SwitchoverException.badInput(script + ":" + line + ": switchover:" + matcher.group(1)
                    + " needs a rule id and a reason, e.g. -- switchover:allow dropped-column-still-used"
                    + " the old version never reads it");
        }
        return Optional.of(new Suppression(rule, reason, script, line, matcher.group(1).equals("allow-file")));
    }
}
