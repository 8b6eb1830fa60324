package io.switchover.rules;

import io.switchover.patterns.SqlReferences;
import io.switchover.patterns.model.StatementKind;
import io.switchover.sql.SqlTokens.Token;
import io.switchover.sql.SqlTokens;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Which columns an old statement writes, for the rules about values the old code puts into the schema. */
final class OldWrites {

    private OldWrites() {
    }

    /**
     * Whether {@code statement} writes {@code table.column}: an INSERT that lists it (or lists no columns at all, so
     * writes every one), an UPDATE that sets it, a MERGE that names it.
     */
    static boolean writes(CheckedStatement statement, String table, String column) {
        if (statement.references().isEmpty()) {
            return false;
        }
        SqlReferences references = statement.references().get();
        Set<String> named = references.columns().getOrDefault(table, Set.of());
        return switch (references.kind()) {
            case INSERT -> target(statement.sql()).map(table::equals)
                    .orElse(named.contains(column))
                    && (references.insertColumns().isEmpty() || references.insertColumns().contains(column));
            case UPDATE -> target(statement.sql()).map(table::equals).orElse(named.contains(column))
                    && references.updateColumns().contains(column);
            case MERGE -> named.contains(column);
            default -> false;
        };
    }

    /** Whether it is an INSERT without a column list into {@code table}: its values go to columns by position. */
    static boolean insertsPositionally(CheckedStatement statement, String table) {
        return statement.references()
                .map(r -> r.kind() == StatementKind.INSERT && r.insertColumns().isEmpty())
                .orElse(false)
                && target(statement.sql()).map(table::equals).orElse(false);
    }

    /** The table an {@code INSERT INTO t} or {@code UPDATE t} writes, read from its first tokens. */
    static Optional<String> target(String sql) {
        List<Token> tokens = SqlTokens.of(sql);
        int i;
        if (tokens.size() > 2 && tokens.get(0).is("insert") && tokens.get(1).is("into")) {
            i = 2;
        } else if (tokens.size() > 1 && tokens.get(0).is("update")) {
            i = tokens.get(1).is("only") ? 2 : 1;
        } else {
            return Optional.empty();
        }
        if (i >= tokens.size() || !tokens.get(i).isIdentifier()) {
            return Optional.empty();
        }
        while (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".") && tokens.get(i + 2).isIdentifier()) {
            i += 2;
        }
        return Optional.of(tokens.get(i).name());
    }
}
