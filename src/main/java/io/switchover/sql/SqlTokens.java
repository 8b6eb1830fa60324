package io.switchover.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tokens of one SQL statement, comments and whitespace left out, for rules that read DDL JSqlParser cannot
 * parse ({@code NOT VALID}, {@code CONCURRENTLY}, {@code ADD CHECK}, {@code SET DATA TYPE}, H2's
 * {@code ALTER COLUMN c RENAME TO d}). A reader that does not recognise a statement says nothing about it; nothing
 * here throws on odd input.
 */
public final class SqlTokens {

    public enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL }

    /**
     * One token: {@code text} as written, at {@code start..end} of {@code source}; {@link #name()} folds an
     * identifier as PostgreSQL does.
     */
    public record Token(Kind kind, String text, String source, int start, int end) {

        public boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        public boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        public boolean isIdentifier() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }

        /** The identifier as the catalog names it: unquoted folded to lower case, quoted kept exactly. */
        public String name() {
            if (kind == Kind.QUOTED && text.startsWith("`")) {
                // MariaDB's catalog, as the replay reads it, names tables and columns in lower case.
                return text.substring(1, text.length() - 1).replace("``", "`").toLowerCase(Locale.ROOT);
            }
            return kind == Kind.QUOTED ? text.substring(1, text.length() - 1).replace("\"\"", "\"")
                    : text.toLowerCase(Locale.ROOT);
        }
    }

    /** Words that are never a column in the expressions and key lists read here. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "null", "is", "true", "false", "asc",
            "desc", "nulls", "first", "last", "in", "like", "ilike", "between", "case", "when", "then", "else", "end",
            "collate", "distinct", "any", "all", "some", "exists", "current_timestamp", "current_date", "current_time",
            "localtimestamp", "localtime", "interval", "similar", "to", "escape", "with", "without", "time", "zone");

    private SqlTokens() {
    }

    public static List<Token> of(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                i = SqlText.skipNonCode(sql, i);
            } else if (c == '\'' || (c == '$' && SqlText.skipNonCode(sql, i) > i)) {
                int end = SqlText.skipNonCode(sql, i);
                tokens.add(new Token(Kind.STRING, sql.substring(i, end), sql, i, end));
                i = end;
            } else if (c == '"') {
                int end = SqlText.skipNonCode(sql, i);
                tokens.add(new Token(end - i >= 2 ? Kind.QUOTED : Kind.SYMBOL, sql.substring(i, end), sql, i, end));
                i = end;
            } else if (c == '`') {
                // MariaDB's and MySQL's quoted identifier; `` inside stands for one backtick.
                int end = i + 1;
                while (end < n && (sql.charAt(end) != '`' || end + 1 < n && sql.charAt(end + 1) == '`')) {
                    end += sql.charAt(end) == '`' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
                tokens.add(new Token(end - i >= 2 ? Kind.QUOTED : Kind.SYMBOL, sql.substring(i, end), sql, i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, end), sql, i, end));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(i, end), sql, i, end));
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                tokens.add(new Token(Kind.SYMBOL, "::", sql, i, i + 2));
                i += 2;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), sql, i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    /** The text the tokens span in their statement, blanks collapsed: types and expressions as written. */
    public static String text(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return "";
        }
        Token first = tokens.get(0);
        return first.source().substring(first.start(), tokens.get(tokens.size() - 1).end()).replaceAll("\\s+", " ");
    }

    /**
     * Splits {@code tokens} at depth-0 occurrences of {@code symbol} (a comma between the actions of an ALTER TABLE,
     * say), never inside parentheses.
     */
    public static List<List<Token>> split(List<Token> tokens, String symbol) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token token : tokens) {
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth = Math.max(0, depth - 1);
            }
            if (depth == 0 && token.isSymbol(symbol)) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        parts.add(current);
        return parts;
    }

    /** The index of the ')' that closes the '(' at {@code open}, or the size of the list when it is not closed. */
    public static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return tokens.size();
    }

    /** Whether the depth-0 tokens hold {@code first} directly followed by {@code second} (e.g. NOT VALID). */
    public static boolean hasPair(List<Token> tokens, String first, String second) {
        int depth = 0;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.is(first) && tokens.get(i + 1).is(second)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The identifiers an expression or key list names, without function names (an identifier followed by '('),
     * casts' target types and words that are only keywords here. The caller intersects them with the catalog.
     */
    public static List<String> identifiers(List<Token> tokens) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            boolean cast = i > 0 && tokens.get(i - 1).isSymbol("::");
            boolean qualifier = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol(".");
            boolean keyword = token.kind() == Kind.WORD && KEYWORDS.contains(token.name());
            if (token.isIdentifier() && !call && !cast && !qualifier && !keyword && !names.contains(token.name())) {
                names.add(token.name());
            }
        }
        return names;
    }
}
