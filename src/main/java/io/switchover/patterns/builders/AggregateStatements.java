package io.switchover.patterns.builders;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.Origin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements Spring Data JDBC and Micronaut Data issue for an aggregate: INSERT of its insertable columns,
 * SELECT by id, UPDATE of its updatable columns by id (and version), DELETE by id; for each entity it holds, the
 * INSERT with the back-reference (and key) column, the SELECT and DELETE by back-reference. Derived query methods
 * ({@code findByEmailAndStatus}) become a SELECT, count, exists or DELETE over the properties they name.
 */
final class AggregateStatements {
    private static final Pattern METHOD = Pattern.compile(
            "^(find|read|get|query|search|stream|count|exists|delete|remove)(\\p{Lu}\\w*?)??By(.*)$");
    /** Longer first, so that {@code IsNotNull} wins over {@code NotNull} and {@code Null}. */
    private static final List<String[]> OPERATORS = List.of(
            new String[] {"IsNotNull", "# IS NOT NULL"}, new String[] {"NotNull", "# IS NOT NULL"},
            new String[] {"IsNull", "# IS NULL"}, new String[] {"Null", "# IS NULL"},
            new String[] {"LessThanEqual", "# <= ?"}, new String[] {"LessThan", "# < ?"},
            new String[] {"GreaterThanEqual", "# >= ?"}, new String[] {"GreaterThan", "# > ?"},
            new String[] {"Before", "# < ?"}, new String[] {"After", "# > ?"},
            new String[] {"Between", "# BETWEEN ? AND ?"}, new String[] {"NotLike", "# NOT LIKE ?"},
            new String[] {"Like", "# LIKE ?"}, new String[] {"StartingWith", "# LIKE ?"},
            new String[] {"StartsWith", "# LIKE ?"}, new String[] {"EndingWith", "# LIKE ?"},
            new String[] {"EndsWith", "# LIKE ?"}, new String[] {"NotContaining", "# NOT LIKE ?"},
            new String[] {"Containing", "# LIKE ?"}, new String[] {"Contains", "# LIKE ?"},
            new String[] {"NotIn", "# NOT IN (?)"}, new String[] {"In", "# IN (?)"},
            new String[] {"True", "# = TRUE"}, new String[] {"False", "# = FALSE"},
            new String[] {"Not", "# <> ?"}, new String[] {"Equals", "# = ?"}, new String[] {"Is", "# = ?"});

    private final String extractor;

    AggregateStatements(String extractor) {
        this.extractor = extractor;
    }

    List<AccessPattern> of(Aggregate aggregate) {
        List<AccessPattern> statements = new ArrayList<>();
        Origin at = new Origin(aggregate.path(), aggregate.line());
        List<String> all = names(aggregate.columns());
        Optional<Aggregate.Column> id = aggregate.id();
        List<String> inserted = names(aggregate.columns().stream().filter(c -> c.insertable() && !c.generated()).toList());
        if (!inserted.isEmpty()) {
            statements.add(new AccessPattern(insert(aggregate.table(), inserted), at, extractor));
        }
        String byId = id.map(c -> " WHERE " + c.name() + " = ?").orElse("");
        statements.add(new AccessPattern("SELECT " + String.join(", ", all) + " FROM " + aggregate.table() + byId, at,
                extractor));
        List<String> updated = aggregate.columns().stream().filter(c -> c.updatable() && !c.id())
                .map(c -> c.name() + " = ?").toList();
        if (id.isPresent() && !updated.isEmpty()) {
            String version = aggregate.columns().stream().filter(Aggregate.Column::version)
                    .map(c -> " AND " + c.name() + " = ?").findFirst().orElse("");
            statements.add(new AccessPattern("UPDATE " + aggregate.table() + " SET " + String.join(", ", updated)
                    + byId + version, at, extractor));
        }
        if (id.isPresent()) {
            statements.add(new AccessPattern("DELETE FROM " + aggregate.table() + byId, at, extractor));
        }
        for (Aggregate.Child child : aggregate.children()) {
            children(aggregate.path(), child, statements);
        }
        return statements;
    }

    private void children(String path, Aggregate.Child child, List<AccessPattern> statements) {
        Origin at = new Origin(path, child.line());
        List<String> columns = new ArrayList<>(names(child.columns().stream().filter(c -> !c.generated()).toList()));
        columns.add(child.backReference());
        if (child.key() != null) {
            columns.add(child.key());
        }
        statements.add(new AccessPattern(insert(child.table(), columns), at, extractor));
        List<String> read = new ArrayList<>(names(child.columns()));
        read.add(child.backReference());
        if (child.key() != null) {
            read.add(child.key());
        }
        statements.add(new AccessPattern("SELECT " + String.join(", ", read) + " FROM " + child.table() + " WHERE "
                + child.backReference() + " = ?", at, extractor));
        statements.add(new AccessPattern("DELETE FROM " + child.table() + " WHERE " + child.backReference() + " = ?",
                at, extractor));
        for (Aggregate.Child grandchild : child.children()) {
            children(path, grandchild, statements);
        }
    }

    static boolean isDerived(String method) {
        return METHOD.matcher(method).matches();
    }

    /** The statement of a derived query method, or empty when it names a property the aggregate does not map. */
    static Optional<String> derived(Aggregate aggregate, String method) {
        Matcher matcher = METHOD.matcher(method);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String verb = matcher.group(1);
        String criteria = matcher.group(3);
        String order = "";
        int orderBy = criteria.indexOf("OrderBy");
        if (orderBy >= 0) {
            Optional<String> sort = orderBy(aggregate, criteria.substring(orderBy + "OrderBy".length()));
            if (sort.isEmpty()) {
                return Optional.empty();
            }
            order = " ORDER BY " + sort.get();
            criteria = criteria.substring(0, orderBy);
        }
        List<String> where = new ArrayList<>();
        String[] ors = criteria.split("(?<=\\p{Ll}|\\d)Or(?=\\p{Lu})");
        List<String> disjuncts = new ArrayList<>();
        for (String or : ors) {
            List<String> conjuncts = new ArrayList<>();
            for (String part : or.split("(?<=\\p{Ll}|\\d)And(?=\\p{Lu})")) {
                Optional<String> condition = condition(aggregate, part);
                if (condition.isEmpty()) {
                    return Optional.empty();
                }
                conjuncts.add(condition.get());
            }
            disjuncts.add(String.join(" AND ", conjuncts));
        }
        where.add(disjuncts.size() == 1 ? disjuncts.get(0) : "(" + String.join(") OR (", disjuncts) + ")");
        String filter = criteria.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        String table = aggregate.table();
        return Optional.of(switch (verb) {
            case "count" -> "SELECT count(*) FROM " + table + filter;
            case "exists" -> "SELECT 1 FROM " + table + filter;
            case "delete", "remove" -> "DELETE FROM " + table + filter;
            default -> "SELECT " + String.join(", ", names(aggregate.columns())) + " FROM " + table + filter + order;
        });
    }

    private static Optional<String> condition(Aggregate aggregate, String part) {
        String text = part.replace("AllIgnoreCase", "");
        boolean ignoreCase = text.endsWith("IgnoreCase");
        if (ignoreCase) {
            text = text.substring(0, text.length() - "IgnoreCase".length());
        }
        String template = "# = ?";
        for (String[] operator : OPERATORS) {
            if (text.endsWith(operator[0]) && text.length() > operator[0].length()) {
                String property = text.substring(0, text.length() - operator[0].length());
                if (column(aggregate, property).isEmpty() && property.endsWith("Is")) {
                    property = property.substring(0, property.length() - "Is".length()); // StatusIsNot, OpenIsFalse
                }
                if (column(aggregate, property).isPresent()) {
                    text = property;
                    template = operator[1];
                    break;
                }
            }
        }
        Optional<String> column = column(aggregate, text);
        if (column.isEmpty()) {
            return Optional.empty();
        }
        String field = ignoreCase ? "upper(" + column.get() + ")" : column.get();
        String condition = template.replace("#", field);
        return Optional.of(ignoreCase ? condition.replace("?", "upper(?)") : condition);
    }

    private static Optional<String> orderBy(Aggregate aggregate, String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("(?<=Asc|Desc)(?=\\p{Lu})")) {
            String direction = part.endsWith("Desc") ? " DESC" : part.endsWith("Asc") ? " ASC" : "";
            String property = part.replaceAll("(Asc|Desc)$", "");
            Optional<String> column = column(aggregate, property);
            if (column.isEmpty()) {
                return Optional.empty();
            }
            parts.add(column.get() + direction);
        }
        return Optional.of(String.join(", ", parts));
    }

    private static Optional<String> column(Aggregate aggregate, String capitalized) {
        if (capitalized.isEmpty()) {
            return Optional.empty();
        }
        String property = Character.toLowerCase(capitalized.charAt(0)) + capitalized.substring(1);
        return Optional.ofNullable(aggregate.properties().get(property))
                .or(() -> Optional.ofNullable(aggregate.properties().get(capitalized.toLowerCase(Locale.ROOT))));
    }

    private static String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    private static List<String> names(List<Aggregate.Column> columns) {
        return columns.stream().map(Aggregate.Column::name).toList();
    }
}
