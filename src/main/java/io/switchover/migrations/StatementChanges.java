package io.switchover.migrations;

import io.switchover.migrations.DdlChange.AddColumn;
import io.switchover.migrations.DdlChange.AddConstraint;
import io.switchover.migrations.DdlChange.AlterColumnType;
import io.switchover.migrations.DdlChange.ConstraintKind;
import io.switchover.migrations.DdlChange.CopyData;
import io.switchover.migrations.DdlChange.CreateIndex;
import io.switchover.migrations.DdlChange.DropColumn;
import io.switchover.migrations.DdlChange.DropDefault;
import io.switchover.migrations.DdlChange.RenameColumn;
import io.switchover.migrations.DdlChange.RenameTable;
import io.switchover.migrations.DdlChange.SetNotNull;
import io.switchover.migrations.DdlChange.ValidateConstraint;
import io.switchover.patterns.SqlReferences;
import io.switchover.patterns.model.StatementKind;
import io.switchover.sql.SqlTokens.Token;
import io.switchover.sql.SqlTokens;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what one migration statement says it changes: ALTER TABLE clauses, CREATE INDEX, and data copies
 * (UPDATE ... SET, INSERT ... SELECT).
 *
 * <p>The ALTER TABLE and CREATE INDEX forms are read from tokens of the raw text, not from JSqlParser's tree: JSqlParser
 * 5.4 refuses {@code NOT VALID}, {@code ADD CHECK}, {@code SET DATA TYPE} and H2's {@code ALTER COLUMN c RENAME TO d},
 * and a reader that used the tree where there is one would classify the same clause differently depending on an
 * unrelated one. A statement of a form not listed here gives no change: it is unclassified, never an error (the
 * database, not this reader, decides whether a migration applies).
 */
public final class StatementChanges {

    private static final Set<String> CONSTRAINT_STARTS = Set.of("constraint", "unique", "primary", "check", "foreign",
            "exclude");
    private static final Set<String> COLUMN_CONSTRAINT_WORDS = Set.of("not", "null", "constraint", "primary", "unique",
            "check", "references", "generated", "collate", "default");

    private StatementChanges() {
    }

    /** What one statement changes; empty when it is not of a form read here. */
    static List<DdlChange> read(String sql) {
        try {
            List<Token> tokens = SqlTokens.of(sql);
            while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isSymbol(";")) {
                tokens = tokens.subList(0, tokens.size() - 1);
            }
            if (startsWith(tokens, "alter", "table")) {
                return alterTable(tokens);
            }
            if (startsWith(tokens, "create", "index") || startsWith(tokens, "create", "unique", "index")) {
                return createIndex(tokens).stream().toList();
            }
            if (startsWith(tokens, "drop", "table") || startsWith(tokens, "drop", "view")
                    || startsWith(tokens, "drop", "materialized", "view")) {
                return dropTable(tokens.get(1).is("materialized") ? tokens.subList(1, tokens.size()) : tokens);
            }
            if (startsWith(tokens, "rename", "table") && tokens.size() >= 5 && tokens.get(3).is("to")) {
                // MariaDB: RENAME TABLE a TO b
                return List.of(new RenameTable(tokens.get(2).name(), tokens.get(4).name()));
            }
            if (startsWith(tokens, "update")) {
                return update(tokens);
            }
            if (startsWith(tokens, "insert", "into")) {
                return insertSelect(sql, tokens).stream().toList();
            }
            return List.of();
        } catch (RuntimeException e) {
            // A form this reader misjudges must cost its own classification only, never the check.
            return List.of();
        }
    }

    private static List<DdlChange> alterTable(List<Token> tokens) {
        int i = 2;
        i = skip(tokens, i, "if", "exists");
        i = skip(tokens, i, "only");
        if (i >= tokens.size() || !tokens.get(i).isIdentifier()) {
            return List.of();
        }
        int nameEnd = qualifiedNameEnd(tokens, i);
        String table = tokens.get(nameEnd - 1).name();
        i = nameEnd;
        if (i < tokens.size() && tokens.get(i).isSymbol("*")) {
            i++;
        }
        List<DdlChange> changes = new ArrayList<>();
        for (List<Token> action : SqlTokens.split(tokens.subList(i, tokens.size()), ",")) {
            action(table, action).ifPresent(changes::add);
        }
        return changes;
    }

    private static Optional<DdlChange> action(String table, List<Token> a) {
        if (a.isEmpty()) {
            return Optional.empty();
        }
        Token verb = a.get(0);
        if (verb.is("rename")) {
            return rename(table, a);
        }
        if (verb.is("add")) {
            return add(table, a);
        }
        if (verb.is("drop")) {
            int i = skip(a, 1, "column");
            if (i == 1 && a.size() > 1 && (a.get(1).is("constraint") || a.get(1).is("primary")
                    || a.get(1).is("default"))) {
                return Optional.empty();
            }
            i = skip(a, i, "if", "exists");
            return i < a.size() && a.get(i).isIdentifier()
                    ? Optional.of(new DropColumn(table, a.get(i).name())) : Optional.empty();
        }
        if (verb.is("alter") || verb.is("modify")) {
            return alterColumn(table, a);
        }
        if (verb.is("validate") && a.size() >= 3 && a.get(1).is("constraint")) {
            return Optional.of(new ValidateConstraint(table, a.get(2).name()));
        }
        return Optional.empty();
    }

    private static Optional<DdlChange> rename(String table, List<Token> a) {
        if (a.size() >= 3 && a.get(1).is("to")) {
            return Optional.of(new RenameTable(table, a.get(a.size() - 1).name()));
        }
        if (a.size() > 1 && a.get(1).is("constraint")) {
            return Optional.empty();
        }
        int i = skip(a, 1, "column");
        if (i + 2 < a.size() && a.get(i).isIdentifier() && a.get(i + 1).is("to") && a.get(i + 2).isIdentifier()) {
            return Optional.of(new RenameColumn(table, a.get(i).name(), a.get(i + 2).name()));
        }
        return Optional.empty();
    }

    private static Optional<DdlChange> add(String table, List<Token> a) {
        if (a.size() < 2) {
            return Optional.empty();
        }
        if (a.get(1).kind() == SqlTokens.Kind.WORD && CONSTRAINT_STARTS.contains(a.get(1).name())) {
            return constraint(table, a.subList(1, a.size()));
        }
        int i = skip(a, 1, "column");
        i = skip(a, i, "if", "not", "exists");
        if (i >= a.size() || !a.get(i).isIdentifier()) {
            return Optional.empty();
        }
        String column = a.get(i).name();
        List<Token> rest = a.subList(i + 1, a.size());
        int typeEnd = 0;
        while (typeEnd < rest.size() && !(rest.get(typeEnd).kind() == SqlTokens.Kind.WORD
                && COLUMN_CONSTRAINT_WORDS.contains(rest.get(typeEnd).name()))) {
            typeEnd = rest.get(typeEnd).isSymbol("(") ? SqlTokens.closing(rest, typeEnd) + 1 : typeEnd + 1;
        }
        Optional<String> defaultExpression = Optional.empty();
        boolean generated = false;
        for (int j = typeEnd; j < rest.size(); j++) {
            Token token = rest.get(j);
            if (token.isSymbol("(")) {
                j = SqlTokens.closing(rest, j);
            } else if (token.is("generated")) {
                generated = true;
            } else if (token.is("default")) {
                int end = j + 1;
                while (end < rest.size() && !(rest.get(end).kind() == SqlTokens.Kind.WORD
                        && COLUMN_CONSTRAINT_WORDS.contains(rest.get(end).name()))) {
                    end = rest.get(end).isSymbol("(") ? SqlTokens.closing(rest, end) + 1 : end + 1;
                }
                end = Math.min(end, rest.size());
                defaultExpression = Optional.of(SqlTokens.text(rest.subList(j + 1, end)));
                j = end - 1;
            }
        }
        return Optional.of(new AddColumn(table, column, SqlTokens.text(rest.subList(0, Math.min(typeEnd, rest.size()))),
                defaultExpression, generated));
    }

    /** {@code [CONSTRAINT name] UNIQUE|PRIMARY KEY|CHECK|FOREIGN KEY ...} of an ALTER TABLE ... ADD. */
    private static Optional<DdlChange> constraint(String table, List<Token> c) {
        String name = null;
        int i = 0;
        if (c.get(0).is("constraint")) {
            if (c.size() < 3) {
                return Optional.empty();
            }
            name = c.get(1).name();
            i = 2;
        }
        ConstraintKind kind;
        Token first = c.get(i);
        if (first.is("unique")) {
            kind = ConstraintKind.UNIQUE;
            i++;
        } else if (first.is("primary") && i + 1 < c.size() && c.get(i + 1).is("key")) {
            kind = ConstraintKind.PRIMARY_KEY;
            i += 2;
        } else if (first.is("check")) {
            kind = ConstraintKind.CHECK;
            i++;
        } else if (first.is("foreign") && i + 1 < c.size() && c.get(i + 1).is("key")) {
            kind = ConstraintKind.FOREIGN_KEY;
            i += 2;
        } else {
            return Optional.empty();
        }
        boolean usingIndex = i + 1 < c.size() && c.get(i).is("using") && c.get(i + 1).is("index");
        List<String> columns = List.of();
        while (i < c.size() && !c.get(i).isSymbol("(") && !usingIndex) {
            i++; // NULLS NOT DISTINCT and the like
        }
        if (i < c.size() && c.get(i).isSymbol("(")) {
            columns = SqlTokens.identifiers(c.subList(i + 1, Math.min(SqlTokens.closing(c, i), c.size())));
        }
        List<Token> definition = c.subList(name == null ? 0 : 2, c.size());
        return Optional.of(new AddConstraint(table, name, kind, columns, SqlTokens.text(definition),
                SqlTokens.hasPair(c, "not", "valid"), usingIndex));
    }

    private static Optional<DdlChange> alterColumn(String table, List<Token> a) {
        int i = skip(a, 1, "column");
        if (i >= a.size() || !a.get(i).isIdentifier()) {
            return Optional.empty();
        }
        String column = a.get(i).name();
        List<Token> rest = a.subList(i + 1, a.size());
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        if (startsWith(rest, "type") || startsWith(rest, "set", "data", "type")) {
            int typeStart = rest.get(0).is("type") ? 1 : 3;
            int end = typeStart;
            while (end < rest.size() && !rest.get(end).is("using") && !rest.get(end).is("collate")) {
                end++;
            }
            return Optional.of(new AlterColumnType(table, column, SqlTokens.text(rest.subList(typeStart, end))));
        }
        if (startsWith(rest, "set", "not", "null")) {
            return Optional.of(new SetNotNull(table, column));
        }
        if (startsWith(rest, "drop", "default")) {
            return Optional.of(new DropDefault(table, column));
        }
        if (startsWith(rest, "rename", "to") && rest.size() >= 3) {
            return Optional.of(new RenameColumn(table, column, rest.get(2).name()));
        }
        Token next = rest.get(0);
        boolean clause = next.is("set") || next.is("drop") || next.is("rename") || next.is("restart")
                || next.is("add") || next.is("selectivity") || next.is("reset") || next.is("options");
        if (next.kind() == SqlTokens.Kind.WORD && !clause) {
            // H2 (and MySQL's MODIFY): ALTER COLUMN c VARCHAR(50) [NOT NULL ...]
            int end = 0;
            while (end < rest.size() && !(rest.get(end).kind() == SqlTokens.Kind.WORD
                    && COLUMN_CONSTRAINT_WORDS.contains(rest.get(end).name()))) {
                end = rest.get(end).isSymbol("(") ? SqlTokens.closing(rest, end) + 1 : end + 1;
            }
            return Optional.of(new AlterColumnType(table, column,
                    SqlTokens.text(rest.subList(0, Math.min(end, rest.size())))));
        }
        return Optional.empty();
    }

    private static Optional<DdlChange> createIndex(List<Token> tokens) {
        boolean unique = tokens.get(1).is("unique");
        int i = unique ? 3 : 2;
        boolean concurrently = i < tokens.size() && tokens.get(i).is("concurrently");
        if (concurrently) {
            i++;
        }
        i = skip(tokens, i, "if", "not", "exists");
        String name = null;
        if (i < tokens.size() && !tokens.get(i).is("on")) {
            int nameEnd = qualifiedNameEnd(tokens, i);
            name = tokens.get(nameEnd - 1).name();
            i = nameEnd;
        }
        if (i >= tokens.size() || !tokens.get(i).is("on")) {
            return Optional.empty();
        }
        i = skip(tokens, i + 1, "only");
        if (i >= tokens.size() || !tokens.get(i).isIdentifier()) {
            return Optional.empty();
        }
        int tableEnd = qualifiedNameEnd(tokens, i);
        String table = tokens.get(tableEnd - 1).name();
        i = tableEnd;
        while (i < tokens.size() && !tokens.get(i).isSymbol("(")) {
            i++; // USING method
        }
        List<String> columns = i < tokens.size()
                ? SqlTokens.identifiers(tokens.subList(i + 1, Math.min(SqlTokens.closing(tokens, i), tokens.size())))
                : List.of();
        return Optional.of(new CreateIndex(table, name, unique, concurrently, columns));
    }

    /** {@code DROP TABLE|VIEW [IF EXISTS] a, b [CASCADE]}: a view is dropped as a table is, for what old code sees. */
    private static List<DdlChange> dropTable(List<Token> tokens) {
        int i = skip(tokens, 2, "if", "exists");
        List<DdlChange> drops = new ArrayList<>();
        for (List<Token> name : SqlTokens.split(tokens.subList(i, tokens.size()), ",")) {
            if (!name.isEmpty() && name.get(0).isIdentifier()) {
                drops.add(new DdlChange.DropTable(name.get(qualifiedNameEnd(name, 0) - 1).name()));
            }
        }
        return drops;
    }

    /** {@code UPDATE t [AS x] SET a = expr, ... [FROM ...] [WHERE ...]}: each SET that reads columns copies them. */
    private static List<DdlChange> update(List<Token> tokens) {
        int i = skip(tokens, 1, "only");
        if (i >= tokens.size() || !tokens.get(i).isIdentifier()) {
            return List.of();
        }
        int tableEnd = qualifiedNameEnd(tokens, i);
        String table = tokens.get(tableEnd - 1).name();
        int set = tableEnd;
        while (set < tokens.size() && !tokens.get(set).is("set")) {
            set++;
        }
        int end = set + 1;
        int depth = 0;
        while (end < tokens.size()) {
            Token token = tokens.get(end);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && (token.is("from") || token.is("where") || token.is("returning"))) {
                break;
            }
            end++;
        }
        if (set >= tokens.size()) {
            return List.of();
        }
        List<DdlChange> copies = new ArrayList<>();
        for (List<Token> assignment : SqlTokens.split(tokens.subList(set + 1, end), ",")) {
            if (assignment.size() < 3 || !assignment.get(0).isIdentifier()) {
                continue;
            }
            int eq = 1;
            while (eq < assignment.size() && !assignment.get(eq).isSymbol("=")) {
                eq++;
            }
            String target = assignment.get(eq - 1).name();
            Set<String> sources = new LinkedHashSet<>(SqlTokens.identifiers(assignment.subList(
                    Math.min(eq + 1, assignment.size()), assignment.size())));
            sources.remove(target);
            if (!sources.isEmpty()) {
                copies.add(new CopyData(table, List.of(target), table, sources));
            }
        }
        return copies;
    }

    /** {@code INSERT INTO t2 (...) SELECT ... FROM t}: copies what the SELECT reads of each other table. */
    private static Optional<DdlChange> insertSelect(String sql, List<Token> tokens) {
        if (tokens.size() < 3 || !tokens.get(2).isIdentifier()) {
            return Optional.empty();
        }
        if (tokens.stream().noneMatch(token -> token.is("select"))) {
            // INSERT ... VALUES reads no other table: not worth a parse (a data migration has them by the million).
            return Optional.empty();
        }
        String target = tokens.get(qualifiedNameEnd(tokens, 2) - 1).name();
        Optional<SqlReferences> references = SqlReferences.of(sql);
        if (references.isEmpty() || references.get().kind() != StatementKind.INSERT) {
            return Optional.empty();
        }
        for (String source : references.get().tables()) {
            Set<String> read = references.get().columns().getOrDefault(source, Set.of());
            if (!source.equals(target) && !read.isEmpty()) {
                return Optional.of(new CopyData(target, references.get().insertColumns(), source, read));
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(List<Token> tokens, String... words) {
        if (tokens.size() < words.length) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!tokens.get(i).is(words[i])) {
                return false;
            }
        }
        return true;
    }

    /** The index after the words, when they all follow at {@code i}; {@code i} itself otherwise. */
    private static int skip(List<Token> tokens, int i, String... words) {
        for (int k = 0; k < words.length; k++) {
            if (i + k >= tokens.size() || !tokens.get(i + k).is(words[k])) {
                return i;
            }
        }
        return i + words.length;
    }

    /** The index after {@code name} or {@code schema.name} starting at {@code i}. */
    private static int qualifiedNameEnd(List<Token> tokens, int i) {
        int end = i + 1;
        while (end + 1 < tokens.size() && tokens.get(end).isSymbol(".") && tokens.get(end + 1).isIdentifier()) {
            end += 2;
        }
        return end;
    }
}
