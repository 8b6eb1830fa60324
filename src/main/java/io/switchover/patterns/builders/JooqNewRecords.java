package io.switchover.patterns.builders;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The INSERT of a jOOQ record made with {@code dsl.newRecord(T)}, filled with its generated setters and stored in
 * the same method (keywhiz's DAOs): {@code store()} or {@code insert()} of a new record inserts the fields that were
 * set, which the setters name ({@code setEncryptedContent} is {@code SECRETS_CONTENT.ENCRYPTED_CONTENT}). A record
 * that leaves the method, is filled from a POJO or updated is not read here.
 */
final class JooqNewRecords {
    private static final List<String> STORES = List.of("store", "insert");

    private JooqNewRecords() {
    }

    /** The statement, and the call that stores the record (where its origin ends). */
    record Insert(String sql, Node stored) {
    }

    /**
     * @param newRecord the {@code newRecord(T)} call
     * @param columns   the table's generated columns, by identifier ({@code ENCRYPTED_CONTENT} to its column name);
     *                  empty where the generated classes are not in the sources, and the setter names the column as
     *                  jOOQ's generator names it ({@code setEncryptedContent}: {@code encrypted_content})
     */
    static Optional<Insert> read(MethodCallExpr newRecord, String table, Map<String, String> columns) {
        Optional<String> local = assignedTo(newRecord);
        Optional<Node> method = SyntaxNodes.enclosingCallable(newRecord);
        if (local.isEmpty() || method.isEmpty()) {
            return Optional.empty();
        }
        List<String> set = new ArrayList<>();
        MethodCallExpr stored = null;
        for (MethodCallExpr call : method.get().findAll(MethodCallExpr.class)) {
            if (!(call.getScope().orElse(null) instanceof NameExpr scope)
                    || !scope.getNameAsString().equals(local.get())) {
                if (call.getArguments().stream().anyMatch(a -> a instanceof NameExpr n
                        && n.getNameAsString().equals(local.get()))) {
                    return Optional.empty(); // handed on: what else is set or done to it is not in this method
                }
                continue;
            }
            String name = call.getNameAsString();
            if (STORES.contains(name) && call.getArguments().isEmpty()) {
                stored = call;
            } else if (name.startsWith("set") && name.length() > 3 && call.getArguments().size() == 1) {
                Optional<String> column = bySetter(name.substring(3), columns);
                if (column.isEmpty()) {
                    return Optional.empty();
                }
                set.add(column.get());
            } else if ((name.equals("set") || name.equals("setValue")) && call.getArguments().size() == 2
                    && call.getArgument(0) instanceof FieldAccessExpr field
                    && JooqNames.isIdentifier(field.getNameAsString())) {
                set.add(columns.getOrDefault(field.getNameAsString(), JooqNames.fromIdentifier(field.getNameAsString())));
            } else if (!name.startsWith("get") && !name.equals("changed")) {
                return Optional.empty(); // from(pojo), update(), delete(), refresh(): not an insert of what is set here
            }
        }
        List<String> distinct = set.stream().distinct().toList();
        if (stored == null || distinct.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Insert("INSERT INTO " + table + " (" + String.join(", ", distinct) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(distinct.size(), "?")) + ")", stored));
    }

    /** jOOQ's default generator strategy names a setter {@code set} + the column's name in Pascal case. */
    private static Optional<String> bySetter(String pascal, Map<String, String> columns) {
        if (columns.isEmpty()) {
            return Optional.of(JooqNames.fromPascalCase(pascal));
        }
        String wanted = pascal.toLowerCase(Locale.ROOT);
        return columns.entrySet().stream()
                .filter(e -> e.getKey().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getValue).findFirst();
    }


    private static Optional<String> assignedTo(Expression call) {
        Node parent = call.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator declarator) {
            return Optional.of(declarator.getNameAsString());
        }
        if (parent instanceof AssignExpr assign && assign.getTarget() instanceof NameExpr target) {
            return Optional.of(target.getNameAsString());
        }
        return Optional.empty();
    }
}
