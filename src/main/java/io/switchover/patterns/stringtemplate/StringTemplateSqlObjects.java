package io.switchover.patterns.stringtemplate;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import io.switchover.patterns.ServiceWideExtractor;
import io.switchover.patterns.SourceFile;
import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.sql.OneLine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The statements of jDBI SQL objects whose SQL lives in StringTemplate group files
 * ({@value #ID}): each statement method of a located DAO type, its own and those it inherits, rendered from the
 * template named like the method in the group file named like the type, found on the classpath (under a module's
 * {@code resources}); one statement per variant of its conditionals, at the method's line. A DAO type that other
 * located types extend is a base whose templates they complete ({@code tableName()}): its methods are rendered in each
 * of theirs. A method whose template cannot be rendered is a place not checked, with the reason.
 */
public final class StringTemplateSqlObjects implements ServiceWideExtractor<StringTemplateSqlObjects.Part> {
    public static final String ID = "jdbi-string-template";
    private static final String GROUP_SUFFIX = ".stg";
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\r]*(?:\\n[ \\t\\r]*)+");

    private final SqlStatementClassifier classifier;

    public StringTemplateSqlObjects(SqlStatementClassifier classifier) {
        this.classifier = classifier;
    }

    /** What one file gives: its SQL-object types (a Java file), or its templates (a group file). Immutable. */
    public static final class Part {
        private static final Part NOTHING = new Part(List.of(), null);
        private final List<SqlObjectType> types;
        private final TemplateGroup group;

        private Part(List<SqlObjectType> types, TemplateGroup group) {
            this.types = List.copyOf(types);
            this.group = group;
        }
    }

    @Override
    public boolean reads(String path) {
        return path.endsWith(".java") || path.endsWith(GROUP_SUFFIX);
    }

    @Override
    public Part collect(SourceFile file) {
        if (file.endsWith(GROUP_SUFFIX)) {
            return new Part(List.of(), TemplateGroupParser.parse(file.path(), resource(file.path()), file.text()));
        }
        // Only a file that names jDBI holds a SQL object: the others cost a substring search.
        if (!file.text().contains("jdbi") || !file.text().contains("@Sql")) {
            return Part.NOTHING;
        }
        try {
            ParseResult<CompilationUnit> parsed = file.java();
            return parsed.getResult().map(unit -> new Part(SqlObjectReader.read(file.path(), unit), null))
                    .orElse(Part.NOTHING);
        } catch (RuntimeException | StackOverflowError e) {
            return Part.NOTHING; // the Java literal extractor reports a file JavaParser cannot read
        }
    }

    /** The file's path on the classpath: after the module's {@code resources/} folder, or its source root. */
    static String resource(String path) {
        for (String root : List.of("resources/", "src/main/java/", "src/main/kotlin/")) {
            int at = path.lastIndexOf("/" + root);
            if (at >= 0) {
                return path.substring(at + root.length() + 1);
            }
            if (path.startsWith(root)) {
                return path.substring(root.length());
            }
        }
        return path;
    }

    @Override
    public ExtractionResult combine(List<Part> parts) {
        Map<String, SqlObjectType> types = new LinkedHashMap<>();
        List<TemplateGroup> groups = new ArrayList<>();
        for (Part part : parts) {
            part.types.forEach(type -> types.putIfAbsent(type.name(), type));
            if (part.group != null) {
                groups.add(part.group);
            }
        }
        if (types.isEmpty()) {
            return ExtractionResult.empty();
        }
        Set<String> bases = new HashSet<>();
        for (SqlObjectType type : types.values()) {
            if (type.located()) {
                supertypes(type, types).stream().filter(SqlObjectType::located).map(SqlObjectType::name)
                        .forEach(bases::add);
            }
        }
        List<ExtractionResult> results = new ArrayList<>();
        Set<String> rendered = new HashSet<>();
        for (SqlObjectType type : types.values()) {
            if (type.located() && !bases.contains(type.name())) {
                results.add(statements(type, types, groups, rendered));
            }
        }
        results.add(withoutSql(types.values(), rendered));
        return ExtractionResult.combine(results);
    }

    /**
     * The methods whose annotation holds no SQL and that no located type renders: jDBI has no statement for them
     * that the source shows.
     */
    private static ExtractionResult withoutSql(Collection<SqlObjectType> types, Set<String> rendered) {
        List<UnresolvedSql> notChecked = new ArrayList<>();
        for (SqlObjectType type : types) {
            for (SqlObjectMethod method : type.methods()) {
                if (!method.named() && !rendered.contains(key(type, method))) {
                    notChecked.add(new UnresolvedSql(new Origin(type.file(), method.line()),
                            simpleName(type) + "." + method.name() + "()", "the annotation holds no SQL"));
                }
            }
        }
        return new ExtractionResult(List.of(), notChecked, List.of());
    }

    private static String key(SqlObjectType declaring, SqlObjectMethod method) {
        return declaring.file() + ":" + method.line() + ":" + method.name();
    }

    private ExtractionResult statements(SqlObjectType type, Map<String, SqlObjectType> types,
                                        List<TemplateGroup> groups, Set<String> rendered) {
        Map<String, TemplateGroup> visible = nearest(groups, type.file());
        TemplateGroup group = visible.get(type.groupResource());
        List<AccessPattern> patterns = new ArrayList<>();
        List<UnresolvedSql> notChecked = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<GroupChain> chain = Optional.ofNullable(group).map(g -> GroupChain.of(g, visible));
        for (Map.Entry<SqlObjectMethod, SqlObjectType> declared : methods(type, types).entrySet()) {
            SqlObjectMethod method = declared.getKey();
            rendered.add(key(declared.getValue(), method));
            Origin origin = new Origin(declared.getValue().file(), method.line());
            String label = simpleName(type) + "." + method.name() + "()";
            if (chain.isEmpty()) {
                notChecked.add(new UnresolvedSql(origin, label, "its template group " + type.groupResource()
                        + " is not among the sources"));
                continue;
            }
            Optional<Template> template = chain.get().find(method.template())
                    .or(() -> inline(method));
            if (template.isEmpty()) {
                notChecked.add(new UnresolvedSql(origin, label, chain.get().whyMissing(method.template())));
                continue;
            }
            TemplateVariants variants = TemplateVariants.of(template.get(), chain.get(), method.attributes());
            variants.problem().ifPresent(problem -> notChecked.add(new UnresolvedSql(origin,
                    label + " in " + group.file(), variants.texts().isEmpty() ? problem
                    : "some variants of its conditionals: " + problem)));
            for (String text : variants.texts()) {
                String sql = statement(text);
                if (classifier.isSql(sql)) {
                    patterns.add(new AccessPattern(sql, origin, ID));
                } else {
                    notChecked.add(new UnresolvedSql(origin, shorten(sql), "JSqlParser cannot parse it"));
                }
            }
            if (variants.capped()) {
                warnings.add(origin + ": " + label + " has more than " + TemplateVariants.MAX + " variants of its"
                        + " conditionals; the first " + variants.texts().size() + " are checked");
            }
        }
        return new ExtractionResult(patterns, notChecked, warnings);
    }

    /** jDBI 2 takes a name that no template has for the template's text, SQL written in the annotation. */
    private static Optional<Template> inline(SqlObjectMethod method) {
        return method.template().strip().contains(" ")
                ? Optional.of(new Template(method.name(), List.of(), Map.of(), method.template(), 1))
                : Optional.empty();
    }

    /** The type's statement methods and the type that declares each: its own, then what it inherits not overridden. */
    private static Map<SqlObjectMethod, SqlObjectType> methods(SqlObjectType type, Map<String, SqlObjectType> types) {
        Map<SqlObjectMethod, SqlObjectType> methods = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        List<SqlObjectType> hierarchy = new ArrayList<>();
        hierarchy.add(type);
        hierarchy.addAll(supertypes(type, types));
        for (SqlObjectType declaring : hierarchy) {
            for (SqlObjectMethod method : declaring.methods()) {
                if (names.add(method.name())) {
                    methods.put(method, declaring);
                }
            }
        }
        return methods;
    }

    /** Every type the type extends that the service declares, nearest first, each once. */
    private static List<SqlObjectType> supertypes(SqlObjectType type, Map<String, SqlObjectType> types) {
        List<SqlObjectType> found = new ArrayList<>();
        List<SqlObjectType> frontier = List.of(type);
        while (!frontier.isEmpty()) {
            List<SqlObjectType> next = new ArrayList<>();
            for (SqlObjectType current : frontier) {
                for (List<String> candidates : current.supertypes()) {
                    candidates.stream().map(types::get).filter(t -> t != null).findFirst()
                            .filter(t -> t != type && !found.contains(t)).ifPresent(t -> {
                                found.add(t);
                                next.add(t);
                            });
                }
            }
            frontier = next;
        }
        return found;
    }

    /** The group files by classpath path; where modules hold the same path, the one nearest the file. */
    private static Map<String, TemplateGroup> nearest(List<TemplateGroup> groups, String file) {
        Map<String, TemplateGroup> visible = new HashMap<>();
        for (TemplateGroup group : groups) {
            visible.merge(group.resource(), group, (known, other) ->
                    commonPrefix(other.file(), file) > commonPrefix(known.file(), file) ? other : known);
        }
        return visible;
    }

    private static int commonPrefix(String a, String b) {
        int length = Math.min(a.length(), b.length());
        int i = 0;
        while (i < length && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static String simpleName(SqlObjectType type) {
        String name = type.name();
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    }

    /**
     * The statement jDBI sends: the rendered text without its closing semicolon, and without the blank lines that
     * templates rendering to nothing leave, which JSqlParser takes for the end of a statement.
     */
    private static String statement(String text) {
        String sql = BLANK_LINES.matcher(text.strip()).replaceAll("\n");
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).stripTrailing();
        }
        return sql;
    }

    private static String shorten(String text) {
        String oneLine = OneLine.of(text);
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 159) + "…";
    }
}
