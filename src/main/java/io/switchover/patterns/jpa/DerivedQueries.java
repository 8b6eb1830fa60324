package io.switchover.patterns.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates Spring Data derived query methods ({@code findByEmailAndStatusOrderByCreatedAtDesc}) into the SQL
 * Hibernate runs for them. {@code find/read/get/query/search/stream} select every column of the entity; {@code count}
 * counts; {@code exists} selects the id of at most one row; {@code delete/remove} load the rows to delete (each is then
 * deleted by id, which the entity's own DELETE covers).
 */
final class DerivedQueries {
    private static final Pattern METHOD = Pattern.compile(
            "^(find|read|get|query|search|stream|count|exists|delete|remove)(\\p{Lu}\\w*?)??By(.*)$");
    private static final Pattern LIMIT = Pattern.compile("(?:First|Top)(\\d*)");
    private static final Pattern IGNORE_CASE = Pattern.compile("Ignor(?:ing|e)Case");
    private static final Pattern ORDER_PART = Pattern.compile("^(.+?)(Asc|Desc)?$");

    /** Keywords in the order they are tried: longer ones first, so that {@code IsNotNull} wins over {@code NotNull}. */
    private static final List<String[]> KEYWORDS = List.of(
            new String[] {"IsNotNull", "# IS NOT NULL"}, new String[] {"NotNull", "# IS NOT NULL"},
            new String[] {"IsNull", "# IS NULL"}, new String[] {"Null", "# IS NULL"},
            new String[] {"IsLessThanEqual", "# <= ?"}, new String[] {"LessThanEqual", "# <= ?"},
            new String[] {"IsLessThan", "# < ?"}, new String[] {"LessThan", "# < ?"},
            new String[] {"IsGreaterThanEqual", "# >= ?"}, new String[] {"GreaterThanEqual", "# >= ?"},
            new String[] {"IsGreaterThan", "# > ?"}, new String[] {"GreaterThan", "# > ?"},
            new String[] {"IsBefore", "# < ?"}, new String[] {"Before", "# < ?"},
            new String[] {"IsAfter", "# > ?"}, new String[] {"After", "# > ?"},
            new String[] {"IsBetween", "# BETWEEN ? AND ?"}, new String[] {"Between", "# BETWEEN ? AND ?"},
            new String[] {"IsNotLike", "# NOT LIKE ?"}, new String[] {"NotLike", "# NOT LIKE ?"},
            new String[] {"IsLike", "# LIKE ?"}, new String[] {"Like", "# LIKE ?"},
            new String[] {"IsStartingWith", "# LIKE ?"}, new String[] {"StartingWith", "# LIKE ?"},
            new String[] {"StartsWith", "# LIKE ?"},
            new String[] {"IsEndingWith", "# LIKE ?"}, new String[] {"EndingWith", "# LIKE ?"},
            new String[] {"EndsWith", "# LIKE ?"},
            new String[] {"IsNotContaining", "# NOT LIKE ?"}, new String[] {"NotContaining", "# NOT LIKE ?"},
            new String[] {"NotContains", "# NOT LIKE ?"},
            new String[] {"IsContaining", "# LIKE ?"}, new String[] {"Containing", "# LIKE ?"},
            new String[] {"Contains", "# LIKE ?"},
            new String[] {"IsNotIn", "# NOT IN (?)"}, new String[] {"NotIn", "# NOT IN (?)"},
            new String[] {"IsIn", "# IN (?)"}, new String[] {"In", "# IN (?)"},
            new String[] {"IsTrue", "# = TRUE"}, new String[] {"True", "# = TRUE"},
            new String[] {"IsFalse", "# = FALSE"}, new String[] {"False", "# = FALSE"},
            new String[] {"IsNot", "# <> ?"}, new String[] {"Not", "# <> ?"},
            new String[] {"Equals", "# = ?"}, new String[] {"Is", "# = ?"});
    private static final List<String> UNSUPPORTED = List.of("IsEmpty", "IsNotEmpty", "Empty", "NotEmpty", "Near",
            "Within", "Regex", "MatchesRegex", "Matches", "Exists");

    private final QueryPaths paths;

    DerivedQueries(QueryPaths paths) {
        this.paths = paths;
    }

    static boolean isDerived(String methodName) {
        return METHOD.matcher(methodName).matches();
    }

    Translation translate(EntityMapping entity, String methodName) {
        Matcher method = METHOD.matcher(methodName);
        if (!method.matches()) {
            return Translation.failed("not a derived query method name");
        }
        String verb = method.group(1);
        String subject = method.group(2) == null ? "" : method.group(2);
        String predicate = method.group(3);
        String orderBy = "";
        int order = predicate.indexOf("OrderBy");
        if (order >= 0) {
            orderBy = predicate.substring(order + "OrderBy".length());
            predicate = predicate.substring(0, order);
        }
        boolean allIgnoreCase = false;
        for (String suffix : List.of("AllIgnoreCase", "AllIgnoringCase")) {
            if (predicate.endsWith(suffix)) {
                allIgnoreCase = true;
                predicate = predicate.substring(0, predicate.length() - suffix.length());
            }
        }
        FromClause from = new FromClause(entity);
        // Columns are qualified once the query joins a table: a first reading adds every join the conditions and the
        // order need, the second writes them (a condition written before a later join would be ambiguous).
        clauses(entity, from, methodName, predicate, orderBy, allIgnoreCase);
        Clauses clauses = clauses(entity, from, methodName, predicate, orderBy, allIgnoreCase);
        if (clauses.failure() != null) {
            return Translation.failed(clauses.failure());
        }
        if (from.conflict()) {
            return Translation.failed(methodName + ": the query joins a table to itself");
        }
        return Translation.of(sql(entity, verb, subject, from, clauses.orGroups(), clauses.orderings()));
    }

    /** The conditions (OR groups of AND-ed ones) and orderings of a method name, or why they cannot be read. */
    private record Clauses(List<String> orGroups, List<String> orderings, String failure) {

        static Clauses failed(String failure) {
            return new Clauses(List.of(), List.of(), failure);
        }
    }

    private Clauses clauses(EntityMapping entity, FromClause from, String methodName, String predicate,
                            String orderBy, boolean allIgnoreCase) {
        List<String> orGroups = new ArrayList<>();
        if (!predicate.isEmpty()) {
            // As Spring Data's PartTree, an empty part ("UserIdAndAndRightName") is skipped.
            for (String orPart : nonEmpty(predicate.split("Or(?=\\p{Lu})"))) {
                List<String> conditions = new ArrayList<>();
                for (String andPart : nonEmpty(orPart.split("And(?=\\p{Lu})"))) {
                    Optional<String> condition = condition(entity, from, andPart, allIgnoreCase);
                    if (condition.isEmpty()) {
                        return Clauses.failed(methodName + ": cannot read '" + andPart
                                + "' as a property of " + entity.type().name() + " with a Spring Data keyword");
                    }
                    conditions.add(condition.get());
                }
                orGroups.add(String.join(" AND ", conditions));
            }
        }
        List<String> orderings = new ArrayList<>();
        // As Spring Data's OrderBySource: parts end at Asc or Desc ("NameAscCreatedAtDesc"), or the text ends.
        for (String part : orderBy.isEmpty() ? new String[0] : orderBy.split("(?<=Asc|Desc)(?=\\p{Lu})")) {
            Matcher parts = ORDER_PART.matcher(part);
            if (!parts.matches()) {
                return Clauses.failed(methodName + ": cannot read the order '" + part + "'");
            }
            Optional<QueryPaths.Resolved> column = resolve(entity, parts.group(1));
            if (column.isEmpty() || !from.join(column.get().hops(), false)) {
                return Clauses.failed(methodName + ": cannot order by '" + parts.group(1) + "'");
            }
            orderings.add(from.column(column.get().column())
                    + ("Desc".equals(parts.group(2)) ? " DESC" : parts.group(2) == null ? "" : " ASC"));
        }
        return new Clauses(orGroups, orderings, null);
    }

    /**
     * The statement of a read method name: what its verb selects from the joined tables, its conditions (OR groups of
     * AND-ed ones) and the tenant columns, its order and its limit.
     */
    private static String sql(EntityMapping entity, String verb, String subject, FromClause from,
                              List<String> orGroups, List<String> orderings) {
        StringBuilder sql = new StringBuilder("SELECT ");
        boolean distinct = subject.contains("Distinct");
        switch (verb) {
            case "count" -> sql.append(distinct ? "count(DISTINCT " : "count(")
                    .append(String.join(", ", qualifiedIds(entity, from))).append(')');
            case "exists" -> sql.append(String.join(", ", qualifiedIds(entity, from)));
            default -> sql.append(distinct ? "DISTINCT " : "").append(String.join(", ", allColumns(entity, from)));
        }
        sql.append(" FROM ").append(from.sql());
        List<String> where = new ArrayList<>();
        // EclipseLink's and Hibernate's tenant column filters every query of a multi-tenant entity.
        List<MappedColumn> tenants = entity.tenantColumns();
        if (orGroups.size() == 1) {
            where.add(orGroups.get(0));
        } else if (orGroups.size() > 1) {
            String or = "(" + String.join(") OR (", orGroups) + ")";
            where.add(tenants.isEmpty() ? or : "(" + or + ")");
        }
        tenants.forEach(c -> where.add(from.column(c) + " = ?"));
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (!orderings.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", orderings));
        }
        Matcher limit = LIMIT.matcher(subject);
        if (verb.equals("exists")) {
            sql.append(" LIMIT 1");
        } else if (limit.find()) {
            sql.append(" LIMIT ").append(limit.group(1).isEmpty() ? "1" : limit.group(1));
        }
        return sql.toString();
    }

    private static List<String> nonEmpty(String[] parts) {
        return java.util.Arrays.stream(parts).filter(part -> !part.isBlank()).toList();
    }

    private Optional<String> condition(EntityMapping entity, FromClause from, String part, boolean allIgnoreCase) {
        boolean ignoreCase = allIgnoreCase;
        String text = part;
        // As Spring Data's Part, IgnoreCase may stand before the keyword too ("NameIgnoreCaseContaining").
        Matcher ignoring = IGNORE_CASE.matcher(text);
        if (ignoring.find()) {
            ignoreCase = true;
            text = text.substring(0, ignoring.start()) + text.substring(ignoring.end());
        }
        for (String unsupported : UNSUPPORTED) {
            if (text.endsWith(unsupported) && resolve(entity, text.substring(0, text.length() - unsupported.length())).isPresent()) {
                return Optional.empty();
            }
        }
        // The property itself may end in a keyword ("isActive", "Status"): try the plain property first.
        Optional<QueryPaths.Resolved> plain = resolve(entity, text);
        if (plain.isPresent()) {
            return render(from, plain.get(), "# = ?", ignoreCase);
        }
        Optional<List<MappedColumn>> whole = paths.fromMethodName(entity, text)
                .flatMap(path -> paths.comparedWhole(entity, path));
        if (whole.isPresent()) {
            List<String> each = whole.get().stream().map(c -> from.column(c) + " = ?").toList();
            return Optional.of(together(each));
        }
        for (String[] keyword : KEYWORDS) {
            if (text.endsWith(keyword[0]) && text.length() > keyword[0].length()) {
                Optional<QueryPaths.Resolved> property = resolve(entity,
                        text.substring(0, text.length() - keyword[0].length()));
                if (property.isPresent()) {
                    return render(from, property.get(), keyword[1], ignoreCase);
                }
            }
        }
        return Optional.empty();
    }

    /** Several columns compared at once: in parentheses, so that an OR beside them keeps its meaning. */
    private static String together(List<String> each) {
        return "(" + String.join(" AND ", each) + ")";
    }

    private static Optional<String> render(FromClause from, QueryPaths.Resolved property, String template,
                                           boolean ignoreCase) {
        if (!from.join(property.hops(), false)) {
            return Optional.empty();
        }
        String column = from.column(property.column());
        if (ignoreCase && template.contains("?")) {
            return Optional.of(template.replace("#", "upper(" + column + ")").replace("?", "upper(?)"));
        }
        return Optional.of(template.replace("#", column));
    }

    private Optional<QueryPaths.Resolved> resolve(EntityMapping entity, String camel) {
        return paths.fromMethodName(entity, camel).flatMap(path -> paths.resolve(entity, path));
    }

    private static List<String> allColumns(EntityMapping entity, FromClause from) {
        List<String> columns = new ArrayList<>();
        for (MappedColumn column : entity.columns()) {
            String name = from.column(column);
            if (!columns.contains(name)) {
                columns.add(name);
            }
        }
        return columns;
    }

    private static List<String> qualifiedIds(EntityMapping entity, FromClause from) {
        return entity.idColumns().stream()
                .map(id -> from.qualified() ? entity.primaryTable().sql() + "." + id : id).toList();
    }
}
