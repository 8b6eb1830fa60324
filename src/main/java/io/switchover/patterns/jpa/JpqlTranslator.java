package io.switchover.patterns.jpa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates JPQL through the entity model. Where every part of the query has a direct SQL counterpart (range
 * variables over single-table entities, path expressions to columns of the entity itself or of an explicitly joined
 * association, {@code SELECT e}, {@code count(e)}, constructor expressions, {@code ?1} and {@code :name} parameters)
 * the translation is the query Hibernate would run. Otherwise it falls back to one synthesized probe per referenced
 * table, {@code SELECT <referenced columns> FROM <table>}, which fails exactly when a column or table the query needs is
 * gone: the probe checks what the query references, not the query itself.
 */
final class JpqlTranslator {
    private static final Set<String> UNTRANSLATABLE = Set.of("MEMBER", "EMPTY", "SIZE", "TYPE", "KEY", "VALUE",
            "ENTRY", "TREAT", "INDEX", "ELEMENTS", "INDICES", "FUNCTION", "LISTAGG", "ID", "VERSION", "INSERT");
    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "JOIN", "LEFT",
            "INNER", "OUTER", "FETCH", "ON", "WITH", "AS", "ORDER", "BY", "GROUP", "HAVING", "ASC", "DESC", "IN", "IS",
            "NULL", "LIKE", "BETWEEN", "DISTINCT", "UPDATE", "SET", "DELETE", "NEW", "CASE", "WHEN", "THEN", "ELSE",
            "END", "EXISTS", "ALL", "ANY", "SOME", "TRUE", "FALSE", "ESCAPE", "UNION", "LIMIT", "OFFSET", "NULLS",
            "FIRST", "LAST", "CROSS", "RIGHT", "FULL", "INTERSECT", "EXCEPT", "LOWER", "UPPER", "COUNT", "SUM", "AVG",
            "MIN", "MAX", "COALESCE", "CONCAT", "SUBSTRING", "TRIM", "LENGTH", "LOCATE", "ABS", "SQRT", "MOD", "CAST",
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "NULLIF", "EXTRACT", "LOCAL", "ROUND", "FLOOR",
            "CEILING", "ROWS", "ONLY", "NEXT", "LEADING", "TRAILING", "BOTH");

    private final EntityModel model;
    private final QueryPaths paths;

    JpqlTranslator(EntityModel model, QueryPaths paths) {
        this.model = model;
        this.paths = paths;
    }

    private enum Kind { WORD, STRING, PARAMETER, NUMBER, SYMBOL }

    private record Token(String text, Kind kind) {
        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }

        boolean isKeyword(String keyword) {
            return kind == Kind.WORD && upper().equals(keyword);
        }
    }

    /** A range or join variable: the entity it ranges over and, for a join, the path it was reached by. */
    private record Variable(EntityMapping entity, QueryPaths.Reached reached, boolean outer) {
    }

    /**
     * @param entityName the entity of the repository, substituted for {@code #{#entityName}}
     */
    Translation translate(String jpql, String entityName) {
        String text = entityName == null ? jpql : jpql.replace("#{#entityName}", entityName);
        List<Token> tokens = tokenize(text);
        if (tokens == null || tokens.isEmpty()) {
            return Translation.failed("cannot read the JPQL (unterminated string or unknown character)");
        }
        Map<String, Variable> variables = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        boolean exact = declareVariables(tokens, variables, problems);
        if (variables.isEmpty()) {
            return Translation.failed(problems.isEmpty() ? "the JPQL names no entity of the sources" : problems.get(0));
        }
        References references = new References();
        String sql = rewrite(tokens, variables, references, problems);
        exact &= sql != null && problems.isEmpty();
        if (exact) {
            return Translation.of(sql);
        }
        List<String> probes = references.probes(variables);
        return new Translation(probes, false, problems);
    }

    // ---------------------------------------------------------------- tokens

    private static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int j = i + 1;
                while (true) {
                    if (j >= s.length()) {
                        return null;
                    }
                    if (s.charAt(j) == '\'') {
                        if (j + 1 < s.length() && s.charAt(j + 1) == '\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                tokens.add(new Token(s.substring(i, j + 1), Kind.STRING));
                i = j + 1;
            } else if ((c == ':' && i + 1 < s.length() && Character.isJavaIdentifierStart(s.charAt(i + 1)))
                    || c == '?') {
                int j = i + 1;
                while (j < s.length() && Character.isJavaIdentifierPart(s.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(s.substring(i, j), Kind.PARAMETER));
                i = j;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i;
                while (j < s.length() && (Character.isJavaIdentifierPart(s.charAt(j))
                        || (s.charAt(j) == '.' && j + 1 < s.length() && Character.isJavaIdentifierStart(s.charAt(j + 1))))) {
                    j++;
                }
                tokens.add(new Token(s.substring(i, j), Kind.WORD));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(s.substring(i, j), Kind.NUMBER));
                i = j;
            } else if ("<>!=".indexOf(c) >= 0 && i + 1 < s.length() && "<>=".indexOf(s.charAt(i + 1)) >= 0) {
                tokens.add(new Token(s.substring(i, i + 2), Kind.SYMBOL));
                i += 2;
            } else if ("(),=<>+-*/|%".indexOf(c) >= 0) {
                tokens.add(new Token(String.valueOf(c), Kind.SYMBOL));
                i++;
            } else if (c == '#' || c == '{' || c == '}' || c == '$') {
                return null; // SpEL beyond #{#entityName}
            } else {
                return null;
            }
        }
        return tokens;
    }

    // ---------------------------------------------------------------- variables

    /** Finds FROM/UPDATE/DELETE range variables and JOIN variables; false when some cannot be translated exactly. */
    private boolean declareVariables(List<Token> tokens, Map<String, Variable> variables, List<String> problems) {
        boolean exact = true;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean range = token.isKeyword("FROM") || token.isKeyword("UPDATE")
                    || (token.text().equals(",") && inFromClause(tokens, i));
            if (range && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.WORD
                    && !tokens.get(i + 1).isKeyword("SELECT")) {
                String name = tokens.get(i + 1).text();
                Optional<EntityMapping> entity = model.byJpqlName(name);
                if (entity.isEmpty()) {
                    problems.add("entity " + name + " is not an @Entity of the sources");
                    exact = false;
                    continue;
                }
                String alias = alias(tokens, i + 2).orElse(null);
                if (alias == null) {
                    exact = false; // unqualified attribute names would need resolving against the entity
                    alias = name;
                }
                variables.put(alias.toLowerCase(Locale.ROOT), new Variable(entity.get(), null, false));
                exact &= !entity.get().spansTables();
            }
            if (token.isKeyword("JOIN") && i + 1 < tokens.size()) {
                int p = i + 1;
                if (tokens.get(p).isKeyword("FETCH")) {
                    p++;
                }
                if (p >= tokens.size() || !tokens.get(p).text().contains(".")) {
                    exact = false; // a join of an entity by name with ON: left to the probes
                    continue;
                }
                String[] path = tokens.get(p).text().split("\\.");
                Variable from = variables.get(path[0].toLowerCase(Locale.ROOT));
                Optional<QueryPaths.Reached> reached = from == null ? Optional.empty()
                        : paths.reach(from.entity(), List.of(path).subList(1, path.length));
                if (reached.isEmpty()) {
                    problems.add("join path " + tokens.get(p).text() + " is not an association the model knows");
                    exact = false;
                    continue;
                }
                boolean outer = i > 0 && (tokens.get(i - 1).isKeyword("LEFT") || tokens.get(i - 1).isKeyword("OUTER"));
                Optional<String> alias = alias(tokens, p + 1);
                if (alias.isPresent()) {
                    variables.put(alias.get().toLowerCase(Locale.ROOT),
                            new Variable(reached.get().entity(), reached.get(), outer));
                }
                exact &= reached.get().hops().size() == 1 && !reached.get().entity().spansTables();
            }
        }
        return exact;
    }

    private static Optional<String> alias(List<Token> tokens, int at) {
        int p = at;
        if (p < tokens.size() && tokens.get(p).isKeyword("AS")) {
            p++;
        }
        if (p < tokens.size() && tokens.get(p).kind() == Kind.WORD && !tokens.get(p).text().contains(".")
                && !KEYWORDS.contains(tokens.get(p).upper())) {
            return Optional.of(tokens.get(p).text());
        }
        return Optional.empty();
    }

    private static boolean inFromClause(List<Token> tokens, int index) {
        int depth = 0;
        for (int j = index - 1; j >= 0; j--) {
            Token token = tokens.get(j);
            if (token.text().equals(")")) {
                depth++;
            } else if (token.text().equals("(")) {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (depth == 0 && token.kind() == Kind.WORD) {
                String word = token.upper();
                if (word.equals("FROM")) {
                    return true;
                }
                if (word.equals("SELECT") || word.equals("WHERE") || word.equals("SET") || word.equals("ON")
                        || word.equals("BY") || word.equals("HAVING")) {
                    return false;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- rewriting

    /** Columns the query references, per table: the fallback probes. */
    private static final class References {
        private final Map<TableName, Set<String>> columns = new LinkedHashMap<>();

        void add(MappedColumn column) {
            columns.computeIfAbsent(column.table(), t -> new LinkedHashSet<>()).add(column.name());
        }

        void addEntity(EntityMapping entity) {
            entity.columns().forEach(this::add);
        }

        List<String> probes(Map<String, Variable> variables) {
            for (Variable variable : variables.values()) {
                if (!columns.containsKey(variable.entity().primaryTable())) {
                    // count(o) and the like: the table itself must still be there.
                    variable.entity().columns().stream().filter(MappedColumn::isId).forEach(this::add);
                }
            }
            List<String> probes = new ArrayList<>();
            columns.forEach((table, names) -> probes.add("SELECT " + String.join(", ", names) + " FROM " + table.sql()));
            return probes;
        }
    }

    private String rewrite(List<Token> tokens, Map<String, Variable> variables, References references,
                           List<String> problems) {
        List<String> out = new ArrayList<>();
        boolean ok = true;
        boolean inSelect = false;
        Map<Integer, Integer> constructorCloses = new HashMap<>();
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String upper = token.upper();
            if (token.text().equals("(")) {
                depth++;
            } else if (token.text().equals(")")) {
                if (constructorCloses.remove(depth) != null) {
                    depth--;
                    continue; // the ")" of a constructor expression
                }
                depth--;
            }
            if (token.kind() == Kind.WORD && upper.equals("SELECT")) {
                inSelect = true;
            } else if (token.kind() == Kind.WORD && upper.equals("FROM")) {
                inSelect = false;
            }
            if (token.kind() == Kind.PARAMETER) {
                out.add(token.text().startsWith("?") ? "?" : token.text());
                continue;
            }
            if (token.kind() != Kind.WORD) {
                out.add(token.text());
                continue;
            }
            if (UNTRANSLATABLE.contains(upper) && i + 1 < tokens.size()
                    && (tokens.get(i + 1).text().equals("(") || upper.equals("MEMBER") || upper.equals("EMPTY"))) {
                ok = false;
            }
            if (upper.equals("NEW") && i + 2 < tokens.size() && tokens.get(i + 2).text().equals("(")) {
                constructorCloses.put(depth + 1, i);
                i += 2; // "NEW com.example.Dto(" disappears; its arguments stay
                depth++;
                continue;
            }
            if (upper.equals("FETCH") && i > 0 && tokens.get(i - 1).isKeyword("JOIN")) {
                continue;
            }
            if (isRangeDeclaration(tokens, i)) {
                EntityMapping entity = model.byJpqlName(token.text()).orElseThrow();
                out.add(entity.primaryTable().sql());
                continue;
            }
            if (i > 0 && tokens.get(i - 1).isKeyword("JOIN")
                    || i > 1 && tokens.get(i - 1).isKeyword("FETCH") && tokens.get(i - 2).isKeyword("JOIN")) {
                Optional<String> join = joinTarget(tokens, i, variables);
                if (join.isEmpty()) {
                    ok = false;
                    out.add(token.text());
                } else {
                    out.add(join.get());
                    i = skipAlias(tokens, i + 1) - 1;
                }
                continue;
            }
            ok &= rewriteName(tokens, i, inSelect, variables, references, problems, out);
        }
        return ok ? join(out) : null;
    }

    /**
     * A word {@link #rewrite} has not otherwise handled: an identification variable, a path from one, or something
     * kept as written. Adds what it becomes to {@code out}; false when it leaves the query not translated.
     */
    private boolean rewriteName(List<Token> tokens, int i, boolean inSelect, Map<String, Variable> variables,
                                References references, List<String> problems, List<String> out) {
        Token token = tokens.get(i);
        String upper = token.upper();
        String[] segments = token.text().split("\\.");
        Variable variable = variables.get(segments[0].toLowerCase(Locale.ROOT));
        if (variable == null) {
            boolean ok = true;
            if (token.text().contains(".") || (!KEYWORDS.contains(upper) && !isFunctionCall(tokens, i)
                    && !isAliasDeclaration(tokens, i))) {
                // an enum constant, a property of an implicit alias, or something unknown
                ok = false;
            }
            out.add(token.text());
            return ok;
        }
        if (segments.length == 1) {
            if (isAliasDeclaration(tokens, i)) {
                out.add(token.text());
                return true;
            }
            references.addEntity(variable.entity());
            boolean counted = i > 1 && tokens.get(i - 1).text().equals("(")
                    && (tokens.get(i - 2).isKeyword("COUNT") || tokens.get(i - 2).isKeyword("DISTINCT"));
            if (inSelect && !counted) {
                out.add(String.join(", ", variable.entity().columns().stream().map(MappedColumn::name)
                        .distinct().map(c -> token.text() + "." + c).toList()));
            } else {
                out.add(String.join(", ", variable.entity().idColumns().stream()
                        .map(c -> token.text() + "." + c).toList()));
            }
            return true;
        }
        Optional<QueryPaths.Resolved> resolved = paths.resolve(variable.entity(),
                List.of(segments).subList(1, segments.length));
        if (resolved.isEmpty()) {
            problems.add("path " + token.text() + " does not resolve to a column of " + variable.entity().type().name());
            out.add(token.text());
            return false;
        }
        references.add(resolved.get().column());
        resolved.get().hops().forEach(hop -> hop.to().columns().stream().filter(MappedColumn::isId)
                .forEach(references::add));
        boolean ok = true;
        if (!resolved.get().hops().isEmpty()
                || !resolved.get().column().table().equals(variable.entity().primaryTable())) {
            ok = false; // an implicit join, or a column of another table of the entity
        }
        if (inSelect && resolved.get().entityKey()) {
            // selecting an associated entity selects its columns through a join, not only its key
            ok = false;
            resolved.get().reached().ifPresentOrElse(references::addEntity, () -> problems.add("path " + token.text()
                    + " selects an entity the sources do not map"));
        }
        // SQL's SET names the column alone: PostgreSQL rejects UPDATE t p SET p.c = ?.
        out.add((isSetTarget(tokens, i) ? "" : segments[0] + ".") + resolved.get().column().name());
        return ok;
    }

    /** Whether the path at {@code i} is what an UPDATE's SET assigns to ({@code SET p.dueAt = :dueAt}). */
    private static boolean isSetTarget(List<Token> tokens, int i) {
        if (!tokens.get(0).isKeyword("UPDATE") || i + 1 >= tokens.size() || !tokens.get(i + 1).text().equals("=")
                || !(tokens.get(i - 1).isKeyword("SET") || tokens.get(i - 1).text().equals(","))) {
            return false;
        }
        for (int j = i - 1; j >= 0; j--) {
            if (tokens.get(j).isKeyword("SET")) {
                return true;
            }
            if (tokens.get(j).isKeyword("WHERE")) {
                return false;
            }
        }
        return false;
    }

    private boolean isRangeDeclaration(List<Token> tokens, int i) {
        if (i == 0) {
            return false;
        }
        Token before = tokens.get(i - 1);
        boolean afterRangeKeyword = before.isKeyword("FROM") || before.isKeyword("UPDATE")
                || (before.text().equals(",") && inFromClause(tokens, i - 1));
        return afterRangeKeyword && model.byJpqlName(tokens.get(i).text()).isPresent();
    }

    /** {@code JOIN o.customer c} becomes {@code JOIN customer c ON c.id = o.customer_id}. */
    private Optional<String> joinTarget(List<Token> tokens, int i, Map<String, Variable> variables) {
        Optional<String> alias = alias(tokens, i + 1);
        if (alias.isEmpty()) {
            return Optional.empty();
        }
        Variable variable = variables.get(alias.get().toLowerCase(Locale.ROOT));
        if (variable == null || variable.reached() == null || variable.reached().hops().size() != 1) {
            return Optional.empty();
        }
        String owner = tokens.get(i).text().split("\\.")[0];
        QueryPaths.Hop hop = variable.reached().hops().get(0);
        StringBuilder on = new StringBuilder();
        for (int k = 0; k < hop.toColumns().size() && k < hop.fromColumns().size(); k++) {
            on.append(k > 0 ? " AND " : "").append(alias.get()).append('.').append(hop.toColumns().get(k))
                    .append(" = ").append(owner).append('.').append(hop.fromColumns().get(k));
        }
        return Optional.of(hop.to().primaryTable().sql() + " " + alias.get() + " ON " + on);
    }

    private static int skipAlias(List<Token> tokens, int at) {
        int p = at;
        if (p < tokens.size() && tokens.get(p).isKeyword("AS")) {
            p++;
        }
        return p + 1;
    }

    private static boolean isFunctionCall(List<Token> tokens, int i) {
        return i + 1 < tokens.size() && tokens.get(i + 1).text().equals("(");
    }

    private static boolean isAliasDeclaration(List<Token> tokens, int i) {
        if (i == 0) {
            return false;
        }
        Token before = tokens.get(i - 1);
        return before.isKeyword("AS") || (before.kind() == Kind.WORD && !KEYWORDS.contains(before.upper()))
                || (before.kind() == Kind.WORD && before.text().contains("."));
    }

    private static String join(List<String> parts) {
        StringBuilder sql = new StringBuilder();
        String previous = "";
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            boolean noSpace = sql.length() == 0 || part.equals(",") || part.equals(")") || previous.equals("(")
                    || (part.equals("(") && !previous.isEmpty() && Character.isLetter(previous.charAt(previous.length() - 1))
                    && !KEYWORDS.contains(previous.toUpperCase(Locale.ROOT)) || part.equals("(") && isFunctionWord(previous));
            sql.append(noSpace ? "" : " ").append(part);
            previous = part;
        }
        return sql.toString();
    }

    private static boolean isFunctionWord(String word) {
        return Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "LOWER", "UPPER", "COALESCE", "CONCAT", "SUBSTRING",
                "TRIM", "LENGTH", "LOCATE", "ABS", "SQRT", "MOD", "NULLIF", "ROUND", "FLOOR", "CEILING")
                .contains(word.toUpperCase(Locale.ROOT));
    }
}
