package io.switchover.patterns.builders;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;

import java.util.Optional;

/** Where a node of a parsed Java file stands, as the builder readers ask it. */
final class SyntaxNodes {

    private SyntaxNodes() {
    }

    /** The method or constructor a node is written in. */
    static Optional<Node> enclosingCallable(Node node) {
        Node current = node.getParentNode().orElse(null);
        while (current != null && !(current instanceof CallableDeclaration<?>)) {
            current = current.getParentNode().orElse(null);
        }
        return Optional.ofNullable(current);
    }

    /** The method a node is written in (not a constructor: a constructor's parameters have no callers to read). */
    static Optional<MethodDeclaration> enclosingMethod(Node node) {
        Node current = node.getParentNode().orElse(null);
        while (current != null && !(current instanceof MethodDeclaration)) {
            current = current.getParentNode().orElse(null);
        }
        return Optional.ofNullable((MethodDeclaration) current);
    }

    /** The expression inside any parentheses around it. */
    static Expression unwrap(Expression expression) {
        Expression e = expression;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        return e;
    }
}
