package io.switchover.benchmark;

import io.switchover.patterns.model.UnresolvedSql;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Why a SQL-looking place was not resolved, in the survey's words: read from the reason the extractor gives and, where
 * the reason is generic ("cannot parse it", "built at run time from ..."), from the fragment itself.
 */
enum UnresolvedKind {
    FORMAT_TEMPLATE("format/template"),
    BUILDER_DSL("builder/DSL"),
    UNPARSEABLE("unparseable SQL"),
    PLACEHOLDER("placeholder"),
    JPA_PATH("JPA path"),
    DYNAMIC("dynamic"),
    OTHER("other");

    /** Framework placeholders: MyBatis/Flyway {@code ${x}}, Spring Batch {@code %PREFIX%}, jDBI {@code <x>}, {@code #{x}}. */
    private static final Pattern PLACEHOLDERS = Pattern.compile("\\$\\{[^}]*}|%[A-Za-z_]+%|<[A-Za-z_]\\w*>|#\\{");
    private static final Pattern UNPARSEABLE_REASON = Pattern.compile(
            "(?i)cannot parse|cannot read|reader failed|parse error|unparsable|unparseable");
    private static final Pattern PLACEHOLDER_REASON = Pattern.compile("(?i)placeholder|pasted into the SQL");
    /** A format string, a template, or SQL kept in a template file the annotation points at (jDBI's StringTemplate). */
    private static final Pattern FORMAT_REASON = Pattern.compile("(?i)format|template|holds no SQL");
    /** JPQL paths, derived queries and repositories of classes the mapping model does not know. */
    private static final Pattern JPA_REASON = Pattern.compile("(?i)@Entity|@NamedQuery|JPQL|HQL|repository of"
            + "|derived quer|Criteria|does not resolve to a column|association the model|as a property of");
    /** A Spring Data derived query method, such as {@code countByTargetControllerId(...)}. */
    private static final Pattern DERIVED_QUERY = Pattern.compile(
            "^(find|read|get|query|search|stream|count|exists|delete|remove)\\w*By\\w*\\(");
    private static final Pattern BUILDER_REASON = Pattern.compile("(?i)builder|\\bDSL\\b|jOOQ|Exposed");
    private static final Pattern FORMATTING_CODE = Pattern.compile(
            "\\.format\\(|\\.formatted\\(|MessageFormat|String\\.format|\\$\\{|\"\\$\\w|\\$[a-zA-Z_]\\w*");
    private static final Pattern BUILDING_CODE = Pattern.compile(
            "StringBuilder|StringBuffer|StringJoiner|\\.append\\(|String\\.join\\(|joinToString|Collectors\\.joining"
                    + "|\\bDSL\\.|\\.select\\(|\\.insertInto\\(|\\.deleteFrom\\(|\\.update\\(");

    private final String label;

    UnresolvedKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The kinds in the order the table prints them. */
    static List<UnresolvedKind> columns() {
        return List.of(values());
    }

    static UnresolvedKind of(UnresolvedSql place) {
        String reason = place.reason();
        String fragment = place.fragment();
        if (JPA_REASON.matcher(reason).find() || fragment.startsWith("@NamedQuery")
                || DERIVED_QUERY.matcher(fragment).find()) {
            return JPA_PATH;
        }
        if (UNPARSEABLE_REASON.matcher(reason).find()) {
            return PLACEHOLDERS.matcher(fragment).find() ? PLACEHOLDER : UNPARSEABLE;
        }
        if (PLACEHOLDER_REASON.matcher(reason).find()) {
            return PLACEHOLDER;
        }
        if (FORMAT_REASON.matcher(reason).find()) {
            return FORMAT_TEMPLATE;
        }
        if (BUILDER_REASON.matcher(reason).find()) {
            return BUILDER_DSL;
        }
        if (reason.contains("run time") || reason.contains("not known")) {
            // "built at run time from ...": the code that builds it tells which
            if (FORMATTING_CODE.matcher(fragment).find() || FORMATTING_CODE.matcher(reason).find()) {
                return FORMAT_TEMPLATE;
            }
            return BUILDING_CODE.matcher(fragment).find() ? BUILDER_DSL : DYNAMIC;
        }
        return OTHER;
    }
}
