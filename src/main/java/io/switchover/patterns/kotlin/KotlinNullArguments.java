package io.switchover.patterns.kotlin;

import io.switchover.patterns.JdbcParameters;
import io.switchover.patterns.kotlin.KotlinLexer.Kind;
import io.switchover.patterns.kotlin.KotlinLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parameters a Kotlin call binds NULL to, read from the arguments that follow the statement in the call:
 * kotliquery's {@code queryOf(sql, mapOf("navn" to navn?.navn))} or {@code queryOf(sql, id, navn?.navn)}, and the
 * same shapes of other APIs. A value may be null when it is {@code null}, ends in {@code ?: null}, or reaches a member
 * through {@code ?.} with no {@code ?:} giving a value instead. Positional values count only when there are as many
 * as the statement has placeholders, so that no other argument is taken for one.
 */
final class KotlinNullArguments {
    private static final Set<String> MAPS = Set.of("mapOf", "hashMapOf", "mutableMapOf", "linkedMapOf");

    private KotlinNullArguments() {
    }

    /** @param end the index of the token after the statement's expression */
    static Map<Integer, String> of(List<Token> tokens, int end, String sql) {
        Map<Integer, String> found = new TreeMap<>();
        if (end >= tokens.size() || !tokens.get(end).is(",")) {
            return found;
        }
        JdbcParameters.Positional positional = JdbcParameters.toPositional(sql);
        List<List<Token>> arguments = arguments(tokens, end + 1);
        if (arguments.size() == 1 && isMap(arguments.get(0))) {
            for (List<Token> entry : arguments(arguments.get(0), 2)) {
                if (entry.size() < 3 || entry.get(0).kind() != Kind.STRING || entry.get(0).parts().size() != 1
                        || !entry.get(1).isIdentifier("to")) {
                    continue;
                }
                String name = entry.get(0).parts().get(0).text();
                List<Token> value = entry.subList(2, entry.size());
                if (mayBeNull(value)) {
                    for (int p = 0; p < positional.parameterCount(); p++) {
                        if (name.equals(positional.names().get(p))) {
                            found.put(p, "binds " + text(value) + " at line " + value.get(0).line());
                        }
                    }
                }
            }
        } else if (arguments.size() == positional.parameterCount()) {
            for (int p = 0; p < arguments.size(); p++) {
                if (mayBeNull(arguments.get(p))) {
                    found.put(p, "binds " + text(arguments.get(p)) + " at line " + arguments.get(p).get(0).line());
                }
            }
        }
        return found;
    }

    private static boolean isMap(List<Token> argument) {
        return argument.size() > 2 && argument.get(0).kind() == Kind.IDENTIFIER && MAPS.contains(argument.get(0).text())
                && argument.get(1).is("(");
    }

    /** The arguments from {@code from} to the closing bracket of the call, split at its commas. */
    private static List<List<Token>> arguments(List<Token> tokens, int from) {
        List<List<Token>> arguments = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (int k = from; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            if (token.is("(") || token.is("[") || token.is("{")) {
                depth++;
            } else if (token.is(")") || token.is("]") || token.is("}")) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (token.is(",") && depth == 0) {
                arguments.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(token);
        }
        if (!current.isEmpty()) {
            arguments.add(current);
        }
        return arguments;
    }

    static boolean mayBeNull(List<Token> value) {
        if (value.size() == 1 && value.get(0).isIdentifier("null")) {
            return true;
        }
        boolean safeCall = false;
        int depth = 0;
        for (int k = 0; k + 1 < value.size(); k++) {
            Token token = value.get(k);
            if (token.is("(") || token.is("[") || token.is("{")) {
                depth++;
            } else if (token.is(")") || token.is("]") || token.is("}")) {
                depth--;
            } else if (depth == 0 && token.is("?") && value.get(k + 1).is(":")) {
                // An elvis gives a value instead, unless that value is null.
                return k + 3 == value.size() && value.get(k + 2).isIdentifier("null");
            } else if (depth == 0 && token.is("?") && value.get(k + 1).is(".")) {
                safeCall = true;
            }
        }
        return safeCall;
    }

    private static String text(List<Token> value) {
        StringBuilder text = new StringBuilder();
        for (Token token : value) {
            if (text.length() > 60) {
                return text.append("...").toString();
            }
            text.append(token.text());
        }
        return text.toString();
    }
}
