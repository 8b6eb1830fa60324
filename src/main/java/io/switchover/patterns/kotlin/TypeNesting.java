package io.switchover.patterns.kotlin;

import io.switchover.patterns.kotlin.KotlinLexer.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The named types a point of a Kotlin file is nested in, read from its tokens as they pass: a {@code class},
 * {@code interface} or {@code object} name opens the next brace at its own parenthesis depth (a data class's
 * constructor comes between), and any other brace (a function's body, a lambda) nests nothing named. A member of a
 * type inside a function is local: it has no name outside.
 */
final class TypeNesting {
    /** One entry a brace: the type it opens, or null. */
    private final Deque<String> braces = new ArrayDeque<>();
    private String pending;
    private int pendingDepth;
    private int parentheses;

    /** The token at {@code i}, seen in order. */
    void see(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        if ((token.isIdentifier("class") || token.isIdentifier("interface") || token.isIdentifier("object"))
                && i + 1 < tokens.size() && tokens.get(i + 1).kind() == KotlinLexer.Kind.IDENTIFIER) {
            pending = tokens.get(i + 1).text();
            pendingDepth = parentheses;
        } else if (token.is("(")) {
            parentheses++;
        } else if (token.is(")")) {
            parentheses = Math.max(0, parentheses - 1);
        } else if (token.is("{")) {
            braces.push(pending != null && parentheses == pendingDepth ? pending : "");
            pending = null;
        } else if (token.is("}")) {
            if (!braces.isEmpty()) {
                braces.pop();
            }
        } else if (parentheses == pendingDepth && (token.isIdentifier("fun") || token.is("=")
                || token.isIdentifier("val") || token.isIdentifier("var"))) {
            pending = null; // a class without a body: the next brace is someone else's
        }
    }

    /** {@code Outer.Inner} of the types around this point, empty at the top level or inside a function. */
    String enclosing() {
        List<String> names = new ArrayList<>(braces);
        java.util.Collections.reverse(names);
        if (names.contains("")) {
            return "";
        }
        return String.join(".", names);
    }
}
