package io.switchover.patterns.builders;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kotlin Exposed: table objects ({@code object Persons : Table("person") { val name = varchar("name", 50) }},
 * {@code IntIdTable}, {@code LongIdTable}, {@code UUIDTable}, whose {@code id} column they add) and the DSL calls on
 * them: {@code Persons.selectAll()}, {@code select(...)}, {@code .where { ... }}, {@code insert { it[name] = ... }},
 * {@code update({ ... }) { ... }}, {@code deleteWhere { ... }}, {@code batchInsert}, {@code upsert}. Exposed lists
 * every declared column in a {@code selectAll()} and in what its DAO entities read, so each table object is also
 * probed as the SELECT of all its columns, at its declaration. Conditions are read for the columns they compare
 * (joined by AND, which names the same columns as Exposed's mix of {@code and} and {@code or}); a call whose columns
 * cannot be read (a column of a table object not in the sources, a map of values) is listed as not checked.
 */
public final class ExposedTables {
    public static final String ID = "exposed";

    private static final Pattern TABLE_OBJECT = Pattern.compile(
            "\\bobject\\s+(\\w+)\\s*:\\s*(Table|IntIdTable|LongIdTable|UUIDTable|UIntIdTable|ULongIdTable|IdTable<[^>]*>"
                    + "|CompositeIdTable)\\s*\\(([^)]*)\\)\\s*\\{");
    private static final Pattern COLUMN = Pattern.compile(
            "\\bval\\s+(\\w+)\\s*(?::[^=\\n]+)?=\\s*(\\w+)\\s*(?:<[^>]*>)?\\(\\s*(?:name\\s*=\\s*)?\"([^\"$]+)\"");
    private static final Set<String> NOT_COLUMNS = Set.of("PrimaryKey", "index", "uniqueIndex", "check",
            "foreignKey", "Index");
    private static final Pattern CALL = Pattern.compile("\\b(\\w+)\\s*\\.\\s*(selectAll|select|insert|insertAndGetId"
            + "|insertIgnore|insertIgnoreAndGetId|batchInsert|update|deleteWhere|deleteAll|upsert|replace"
            + "|selectBatched|selectAllBatched)\\b");
    private static final Pattern COMPARISON = Pattern.compile("(?:\\b(\\w+)\\s*\\.\\s*)?\\b(\\w+)\\s+(eq|neq|less"
            + "|lessEq|greater|greaterEq|like|notLike|inList|notInList|between|ilike|regexp)\\b");
    private static final Pattern NULL_TEST = Pattern.compile("(?:\\b(\\w+)\\s*\\.\\s*)?\\b(\\w+)\\s*\\.\\s*"
            + "(isNull|isNotNull)\\s*\\(\\s*\\)");
    private static final Pattern ASSIGNMENT = Pattern.compile("\\b(?:it|this|row|statement|\\w+)\\s*\\[\\s*"
            + "(?:(\\w+)\\s*\\.\\s*)?(\\w+)\\s*]\\s*=(?!=)");
    private static final Map<String, String> OPERATORS = Map.ofEntries(Map.entry("eq", "= ?"), Map.entry("neq", "<> ?"),
            Map.entry("less", "< ?"), Map.entry("lessEq", "<= ?"), Map.entry("greater", "> ?"),
            Map.entry("greaterEq", ">= ?"), Map.entry("like", "LIKE ?"), Map.entry("notLike", "NOT LIKE ?"),
            Map.entry("ilike", "LIKE ?"), Map.entry("inList", "IN (?)"), Map.entry("notInList", "NOT IN (?)"),
            Map.entry("between", "BETWEEN ? AND ?"), Map.entry("regexp", "LIKE ?"));

    /** One table object: its Kotlin name, its table, its columns property to column in order. */
    record Table(String object, String name, Map<String, String> columns, String path, int line) {
    }

    /** The tables and DSL statements of the service's Kotlin files, path to text. */
    public ExtractionResult extract(Map<String, String> sources) {
        Map<String, String> code = new LinkedHashMap<>();
        sources.forEach((path, text) -> code.put(path, withoutComments(text)));
        Map<String, Table> tables = new LinkedHashMap<>();
        code.forEach((path, text) -> tables(path, text).forEach(t -> tables.put(t.object(), t)));
        if (tables.isEmpty()) {
            return ExtractionResult.empty();
        }
        List<AccessPattern> patterns = new ArrayList<>();
        List<UnresolvedSql> notChecked = new ArrayList<>();
        for (Table table : tables.values()) {
            patterns.add(new AccessPattern(selectAll(table), new Origin(table.path(), table.line()), ID));
        }
        code.forEach((path, text) -> calls(path, text, tables, patterns, notChecked));
        return new ExtractionResult(patterns, notChecked, List.of());
    }

    /** The table objects one file declares. */
    static List<Table> tables(String path, String text) {
        List<Table> found = new ArrayList<>();
        Matcher object = TABLE_OBJECT.matcher(text);
        while (object.find()) {
            int open = object.end() - 1;
            int close = closing(text, open);
            String body = text.substring(open + 1, close);
            String arguments = object.group(3);
            Map<String, String> columns = new LinkedHashMap<>();
            String kind = object.group(2);
            if (!kind.equals("Table") && !kind.startsWith("IdTable") && !kind.equals("CompositeIdTable")) {
                Matcher idName = Pattern.compile("columnName\\s*=\\s*\"([^\"]+)\"|,\\s*\"([^\"]+)\"").matcher(arguments);
                columns.put("id", idName.find() ? Optional.ofNullable(idName.group(1)).orElse(idName.group(2)) : "id");
            }
            Matcher column = COLUMN.matcher(body);
            while (column.find()) {
                if (!NOT_COLUMNS.contains(column.group(2)) && depth(body, column.start()) == 0) {
                    columns.put(column.group(1), column.group(3));
                }
            }
            Matcher name = Pattern.compile("^\\s*(?:name\\s*=\\s*)?\"([^\"$]+)\"").matcher(arguments);
            String table = name.find() ? name.group(1) : defaultName(object.group(1));
            found.add(new Table(object.group(1), table, columns, path, lineAt(text, object.start())));
        }
        return found;
    }

    /** Exposed names a table without a name after its object, less a {@code Table} suffix. */
    private static String defaultName(String object) {
        return object.endsWith("Table") && object.length() > "Table".length()
                ? object.substring(0, object.length() - "Table".length()) : object;
    }

    private static String selectAll(Table table) {
        return "SELECT " + String.join(", ", table.columns().values()) + " FROM " + table.name();
    }

    private static void calls(String path, String text, Map<String, Table> tables, List<AccessPattern> patterns,
                              List<UnresolvedSql> notChecked) {
        Matcher call = CALL.matcher(text);
        while (call.find()) {
            Table table = tables.get(call.group(1));
            if (table == null) {
                continue;
            }
            String method = call.group(2);
            int after = call.end();
            List<String> blocks = new ArrayList<>(); // the (...) and {...} right after the call, in order
            List<Character> kinds = new ArrayList<>();
            int end = after;
            int i = skipSpaces(text, after);
            while (i < text.length() && (text.charAt(i) == '(' || text.charAt(i) == '{') && blocks.size() < 3) {
                int close = closing(text, i);
                kinds.add(text.charAt(i));
                blocks.add(text.substring(i + 1, Math.min(close, text.length())));
                end = close + 1;
                i = skipSpaces(text, end);
            }
            // .where { ... } after select/selectAll
            String where = null;
            Matcher chained = Pattern.compile("\\G\\s*\\.\\s*(where|andWhere|orWhere)\\s*\\{").matcher(text);
            if ((method.startsWith("select")) && chained.find(end)) {
                int open = chained.end() - 1;
                int close = closing(text, open);
                where = text.substring(open + 1, close);
                end = close + 1;
            }
            Origin origin = new Origin(path, lineAt(text, call.start()), lineAt(text, Math.max(call.start(), end - 1)));
            try {
                Optional<String> sql = statement(table, method, blocks, kinds, where, tables);
                sql.ifPresent(s -> patterns.add(new AccessPattern(s, origin, ID)));
            } catch (IllegalArgumentException e) {
                notChecked.add(new UnresolvedSql(origin, shorten(text.substring(call.start(), Math.min(end,
                        text.length()))), "an Exposed call on " + table.object() + ": " + e.getMessage()));
            }
        }
    }

    private static Optional<String> statement(Table table, String method, List<String> blocks, List<Character> kinds,
                                              String where, Map<String, Table> tables) {
        String name = table.name();
        switch (method) {
            case "selectAll", "selectAllBatched" -> {
                return Optional.of(selectAll(table) + whereClause(where, table, tables));
            }
            case "select", "selectBatched" -> {
                String columns = String.join(", ", table.columns().values());
                String condition = where;
                if (!kinds.isEmpty() && kinds.get(0) == '(') {
                    List<String> selected = new ArrayList<>();
                    for (String expression : blocks.get(0).split(",")) {
                        selected.add(column(expression.strip(), table, tables));
                    }
                    columns = String.join(", ", selected);
                } else if (!kinds.isEmpty() && kinds.get(0) == '{') {
                    condition = blocks.get(0); // Exposed before 0.46: select { condition }
                }
                return Optional.of("SELECT " + columns + " FROM " + name + whereClause(condition, table, tables));
            }
            case "insert", "insertAndGetId", "insertIgnore", "insertIgnoreAndGetId", "batchInsert", "upsert",
                 "replace" -> {
                String body = lastBlock(blocks, kinds, '{')
                        .orElseThrow(() -> new IllegalArgumentException("its values are not given in a block"));
                Set<String> columns = assigned(body, table, tables);
                if (columns.isEmpty()) {
                    throw new IllegalArgumentException("no column is assigned in its block");
                }
                return Optional.of("INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")");
            }
            case "update" -> {
                String body = lastBlock(blocks, kinds, '{')
                        .orElseThrow(() -> new IllegalArgumentException("its values are not given in a block"));
                String condition = null;
                if (!kinds.isEmpty() && kinds.get(0) == '(') {
                    Matcher lambda = Pattern.compile("\\{(.*)}", Pattern.DOTALL).matcher(blocks.get(0));
                    condition = lambda.find() ? lambda.group(1) : null;
                }
                Set<String> columns = assigned(body, table, tables);
                if (columns.isEmpty()) {
                    throw new IllegalArgumentException("no column is assigned in its block");
                }
                return Optional.of("UPDATE " + name + " SET " + String.join(", ", columns.stream().map(c -> c + " = ?")
                        .toList()) + whereClause(condition, table, tables));
            }
            case "deleteWhere" -> {
                String condition = lastBlock(blocks, kinds, '{').orElse(null);
                return Optional.of("DELETE FROM " + name + whereClause(condition, table, tables));
            }
            case "deleteAll" -> {
                return Optional.of("DELETE FROM " + name);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<String> lastBlock(List<String> blocks, List<Character> kinds, char kind) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (kinds.get(i) == kind) {
                return Optional.of(blocks.get(i));
            }
        }
        return Optional.empty();
    }

    private static Set<String> assigned(String body, Table table, Map<String, Table> tables) {
        Set<String> columns = new LinkedHashSet<>();
        Matcher assignment = ASSIGNMENT.matcher(body);
        while (assignment.find()) {
            columns.add(resolve(assignment.group(1), assignment.group(2), table, tables));
        }
        return columns;
    }

    private static String whereClause(String condition, Table table, Map<String, Table> tables) {
        if (condition == null || condition.isBlank()) {
            return "";
        }
        List<String> comparisons = new ArrayList<>();
        Matcher comparison = COMPARISON.matcher(condition);
        while (comparison.find()) {
            comparisons.add(resolve(comparison.group(1), comparison.group(2), table, tables) + " "
                    + OPERATORS.get(comparison.group(3)));
        }
        Matcher nullTest = NULL_TEST.matcher(condition);
        while (nullTest.find()) {
            comparisons.add(resolve(nullTest.group(1), nullTest.group(2), table, tables)
                    + (nullTest.group(3).equals("isNull") ? " IS NULL" : " IS NOT NULL"));
        }
        if (comparisons.isEmpty()) {
            throw new IllegalArgumentException("its condition compares no column this reader can tell");
        }
        return " WHERE " + String.join(" AND ", comparisons);
    }

    private static String column(String expression, Table table, Map<String, Table> tables) {
        Matcher reference = Pattern.compile("^(?:(\\w+)\\s*\\.\\s*)?(\\w+)$").matcher(expression);
        if (!reference.matches()) {
            throw new IllegalArgumentException("it selects " + expression + ", which is not a column");
        }
        return resolve(reference.group(1), reference.group(2), table, tables);
    }

    /** {@code Persons.name} or {@code name} (inside the table's own scope) as its column. */
    private static String resolve(String owner, String property, Table table, Map<String, Table> tables) {
        Table of = owner == null || owner.equals("it") || owner.equals("this") ? table : tables.get(owner);
        if (of == null) {
            throw new IllegalArgumentException(owner + "." + property + " is not a column of a table object in the"
                    + " sources");
        }
        if (of != table) {
            throw new IllegalArgumentException("it names " + owner + "." + property + " of another table");
        }
        String column = of.columns().get(property);
        if (column == null) {
            throw new IllegalArgumentException(property + " is not a column of " + of.object());
        }
        return column;
    }

    private static int closing(String text, int open) {
        char opening = text.charAt(open);
        char closingChar = opening == '(' ? ')' : opening == '{' ? '}' : ']';
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && c == opening) {
                depth++;
            } else if (!inString && c == closingChar && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    /** Braces and parentheses open before {@code at} in {@code body}: a column is declared at depth 0. */
    private static int depth(String body, int at) {
        int depth = 0;
        for (int i = 0; i < at; i++) {
            char c = body.charAt(i);
            if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
            }
        }
        return depth;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Comments blanked out, lines kept, so that offsets still give the line. */
    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        boolean inString = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!inString && c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
                continue;
            }
            if (!inString && c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (int j = i; j < end; j++) {
                    out.append(text.charAt(j) == '\n' ? '\n' : ' ');
                }
                i = end;
                continue;
            }
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                inString = !inString;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String shorten(String source) {
        String flat = source.replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }
}
