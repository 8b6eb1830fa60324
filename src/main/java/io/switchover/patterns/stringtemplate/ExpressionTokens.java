package io.switchover.patterns.stringtemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of one {@code <expression>}: names, string literals and the punctuation of calls and conditions. What
 * else StringTemplate allows there (maps over lists {@code :{...}}, {@code ;separator}, properties {@code a.b}) is a
 * word of its own, {@link Kind#OTHER}, that the renderer refuses.
 */
final class ExpressionTokens {
    enum Kind { NAME, STRING, PUNCTUATION, OTHER }

    record Token(Kind kind, String text) {
        boolean is(String punctuation) {
            return kind == Kind.PUNCTUATION && text.equals(punctuation);
        }
    }

    private final List<Token> tokens;
    private final String expression;
    private int at;

    ExpressionTokens(String expression) throws Unrenderable {
        this.expression = expression;
        this.tokens = split(expression);
    }

    String expression() {
        return expression;
    }

    boolean atEnd() {
        return at == tokens.size();
    }

    Token peek() {
        return atEnd() ? new Token(Kind.OTHER, "") : tokens.get(at);
    }

    Token peekSecond() {
        return at + 1 >= tokens.size() ? new Token(Kind.OTHER, "") : tokens.get(at + 1);
    }

    Token next() throws Unrenderable {
        if (atEnd()) {
            throw new Unrenderable("<" + expression + "> ends too early");
        }
        return tokens.get(at++);
    }

    boolean accept(String punctuation) {
        if (peek().is(punctuation)) {
            at++;
            return true;
        }
        return false;
    }

    void expect(String punctuation) throws Unrenderable {
        if (!accept(punctuation)) {
            throw unsupported();
        }
    }

    Unrenderable unsupported() {
        return new Unrenderable("<" + shorten(expression) + "> uses StringTemplate operations that switchover does"
                + " not evaluate");
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 59) + "…";
    }

    private static List<Token> split(String expression) throws Unrenderable {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < expression.length()
                        && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.NAME, expression.substring(start, i)));
            } else if (c == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < expression.length() && expression.charAt(i) != '"') {
                    if (expression.charAt(i) == '\\' && i + 1 < expression.length()) {
                        i++;
                    }
                    value.append(expression.charAt(i++));
                }
                if (i >= expression.length()) {
                    throw new Unrenderable("a string in <" + expression + "> is not closed");
                }
                i++;
                tokens.add(new Token(Kind.STRING, value.toString()));
            } else if (expression.startsWith("&&", i) || expression.startsWith("||", i)) {
                tokens.add(new Token(Kind.PUNCTUATION, expression.substring(i, i + 2)));
                i += 2;
            } else if ("(),=!".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.PUNCTUATION, String.valueOf(c)));
                i++;
            } else {
                tokens.add(new Token(Kind.OTHER, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }
}
