package io.switchover.patterns.mybatis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the dynamic SQL of one MyBatis statement into plain statements that together use every column any branch
 * can use: each {@code <if>} is taken, {@code <foreach>} runs once, and each branch of a {@code <choose>} gives a
 * statement of its own. {@code #{...}} becomes {@code ?}; {@code ${...}} is text MyBatis pastes in at run time and is
 * left for {@link MyBatisStatements} to judge.
 */
public final class DynamicSql {
    /** Nested {@code <choose>} elements multiply; past this many statements the rest are dropped, with a note. */
    public static final int MAX_VARIANTS = 32;

    private static final Pattern PARAMETER = Pattern.compile("#\\{[^}]*}");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}:]+)}");
    private static final Pattern PROPERTY_WITH_DEFAULT = Pattern.compile("\\$\\{([\\w.-]+):([^}]*)}");

    private final Map<String, XmlElement> fragments;
    private final String namespace;
    private final Map<String, String> configured;
    private final Set<String> notes = new LinkedHashSet<>();

    /**
     * @param fragments the {@code <sql>} elements of the mapper by id
     * @param namespace the mapper's namespace, so that {@code refid="ns.id"} of the same mapper resolves; may be null
     */
    public DynamicSql(Map<String, XmlElement> fragments, String namespace) {
        this(fragments, namespace, Map.of());
    }

    /** @param configured what MyBatis's configuration properties fill {@code ${name}} with */
    public DynamicSql(Map<String, XmlElement> fragments, String namespace, Map<String, String> configured) {
        this.fragments = fragments;
        this.namespace = namespace;
        this.configured = Map.copyOf(configured);
    }

    /**
     * The statements the element can produce, whitespace collapsed, duplicates removed.
     *
     * @param notes receives what could not be expanded faithfully (a missing fragment, too many branches)
     */
    public List<String> expand(XmlElement statement, List<String> notes) {
        this.notes.clear();
        List<String> variants = children(statement, configured, new HashSet<>());
        Set<String> distinct = new LinkedHashSet<>();
        for (String variant : variants) {
            distinct.add(collapse(variant));
        }
        notes.addAll(this.notes);
        return List.copyOf(distinct);
    }

    private List<String> children(XmlElement element, Map<String, String> properties, Set<String> including) {
        List<String> variants = List.of("");
        for (Object child : element.children()) {
            List<String> next = child instanceof XmlElement nested
                    ? element(nested, properties, including)
                    : List.of(text((String) child, properties));
            variants = product(variants, next);
        }
        return variants;
    }

    private List<String> element(XmlElement element, Map<String, String> properties, Set<String> including) {
        switch (element.name()) {
            case "where":
                return trimmed(element, properties, including, "WHERE", "AND |OR ", null, null);
            case "set":
                return trimmed(element, properties, including, "SET", ",", null, ",");
            case "trim":
                return trimmed(element, properties, including, element.attribute("prefix"),
                        element.attribute("prefixOverrides"), element.attribute("suffix"),
                        element.attribute("suffixOverrides"));
            case "foreach":
                String open = nullToEmpty(element.attribute("open"));
                String close = nullToEmpty(element.attribute("close"));
                return children(element, properties, including).stream()
                        .map(body -> " " + open + body.strip() + close + " ").toList();
            case "choose":
                List<String> branches = new ArrayList<>();
                for (XmlElement branch : element.elements()) {
                    branches.addAll(children(branch, properties, including));
                }
                return branches.isEmpty() ? List.of("") : branches;
            case "include":
                return include(element, properties, including);
            case "bind":
            case "selectKey":
                return List.of(""); // a bind only names a value; selectKey is a statement of its own
            default:
                return children(element, properties, including); // if, when, otherwise and what is unknown
        }
    }

    private List<String> include(XmlElement include, Map<String, String> properties, Set<String> including) {
        String refid = substitute(nullToEmpty(include.attribute("refid")), properties);
        String id = namespace != null && refid.startsWith(namespace + ".") ? refid.substring(namespace.length() + 1)
                : refid;
        XmlElement fragment = fragments.get(id);
        if (fragment == null) {
            notes.add("<include refid=\"" + refid + "\"> names no <sql> of this mapper");
            return List.of("");
        }
        if (!including.add(id)) {
            notes.add("<sql id=\"" + id + "\"> includes itself");
            return List.of("");
        }
        Map<String, String> inner = new java.util.HashMap<>(properties);
        for (XmlElement property : include.elements()) {
            if (property.name().equals("property") && property.attribute("name") != null) {
                inner.put(property.attribute("name"), substitute(nullToEmpty(property.attribute("value")), properties));
            }
        }
        List<String> expanded = children(fragment, inner, including);
        including.remove(id);
        return expanded;
    }

    /** MyBatis's TrimSqlNode: overrides are '|'-separated and compared case-insensitively. */
    private List<String> trimmed(XmlElement element, Map<String, String> properties, Set<String> including,
                                 String prefix, String prefixOverrides, String suffix, String suffixOverrides) {
        List<String> result = new ArrayList<>();
        for (String body : children(element, properties, including)) {
            String content = collapse(body);
            content = removePrefix(content, prefixOverrides);
            content = removeSuffix(content, suffixOverrides);
            if (content.isBlank()) {
                result.add(" ");
            } else {
                result.add(" " + nullToEmpty(prefix) + " " + content + " " + nullToEmpty(suffix) + " ");
            }
        }
        return result;
    }

    private static String removePrefix(String content, String overrides) {
        if (overrides == null) {
            return content;
        }
        String upper = content.toUpperCase(Locale.ROOT);
        for (String override : overrides.split("\\|")) {
            String token = override.toUpperCase(Locale.ROOT);
            if (!token.isEmpty() && (upper.startsWith(token) || upper.equals(token.strip()))) {
                return content.substring(Math.min(content.length(), token.length())).strip();
            }
        }
        return content;
    }

    private static String removeSuffix(String content, String overrides) {
        if (overrides == null) {
            return content;
        }
        String upper = content.toUpperCase(Locale.ROOT);
        for (String override : overrides.split("\\|")) {
            String token = override.toUpperCase(Locale.ROOT).strip();
            if (!token.isEmpty() && upper.endsWith(token)) {
                return content.substring(0, content.length() - token.length()).strip();
            }
        }
        return content;
    }

    // MyBatis joins the pieces of a statement with a space (DynamicContext), so <if>s written back to back still
    // give "a = ? OR b = ?".
    private List<String> product(List<String> left, List<String> right) {
        if (right.size() == 1) {
            String only = right.get(0);
            return left.stream().map(l -> join(l, only)).toList();
        }
        List<String> combined = new ArrayList<>();
        for (String l : left) {
            for (String r : right) {
                if (combined.size() == MAX_VARIANTS) {
                    notes.add("more than " + MAX_VARIANTS + " combinations of <choose> branches; the first "
                            + MAX_VARIANTS + " are checked");
                    return combined;
                }
                combined.add(join(l, r));
            }
        }
        return combined;
    }

    private static String join(String left, String right) {
        return left.isEmpty() ? right : left + " " + right;
    }

    private static String text(String text, Map<String, String> properties) {
        return PARAMETER.matcher(substitute(text, properties)).replaceAll("?");
    }

    /** {@code ${name}} of an {@code <include>}'s {@code <property>}; other {@code ${...}} stay for later. */
    private static String substitute(String text, Map<String, String> properties) {
        if (!text.contains("${")) {
            return text;
        }
        // ${name:default}: MyBatis's default when the configuration does not give the name (enable-default-value).
        Matcher withDefault = PROPERTY_WITH_DEFAULT.matcher(text);
        StringBuilder defaulted = new StringBuilder();
        while (withDefault.find()) {
            String value = properties.getOrDefault(withDefault.group(1).strip(), withDefault.group(2));
            withDefault.appendReplacement(defaulted, Matcher.quoteReplacement(value));
        }
        withDefault.appendTail(defaulted);
        if (properties.isEmpty()) {
            return defaulted.toString();
        }
        Matcher matcher = PROPERTY.matcher(defaulted);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = properties.get(matcher.group(1).strip());
            matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Collapses runs of whitespace outside quoted text to one space. */
    static String collapse(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        char quote = 0;
        boolean space = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
                if (c == '\'' || c == '"') {
                    quote = c;
                }
            }
        }
        return out.toString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
