package io.switchover.patterns;

import com.github.javaparser.ParseResult;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the SQL in a Java source file: every maximal string expression (a literal, text block, {@code +}
 * concatenation, format call, builder chain or conditional not part of a larger one, see {@link StringExpressions})
 * that evaluates to a statement; one of several values gives a statement per value. A constant is reported once,
 * where it is declared; a bare use of it adds nothing, while a use inside a larger expression is a statement of its
 * own. A local variable built up over several statements is reported where it is used.
 *
 * <p>What needs a constant of another file is resolved once every file is read ({@link #resolve}): the file's reading
 * keeps such expressions, out of its tree, with the names in scope where they are written.
 */
public final class JavaStringExtractor {
    public static final String ID = "java-literal";

    private static final Set<String> JPQL_ANNOTATIONS = Set.of("Query", "NamedQuery");
    private static final String FORMAT_REASON = "a format string, filled in at run time";

    private final SqlStatementClassifier classifier;

    public JavaStringExtractor(SqlStatementClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * An expression the file could not resolve alone: kept out of the file's tree (inside a copy of its type, see
     * {@link DetachedExpressions}), with the names in scope where it is written, and what is reported if the
     * service's constants do not resolve it either.
     */
    public record Deferred(Expression expression, NameContext names, Origin origin, String fragment,
                           UnresolvedSql otherwise) {
    }

    /**
     * What one file gives: what it resolves alone (with the deferred expressions' fallbacks among its places not
     * checked), its constants, its deferred expressions, and the constants it uses as format strings, which are
     * templates rather than statements.
     */
    public record FileStrings(ExtractionResult result, ConstantIndex constants, List<Deferred> deferred,
                              List<Deferred> templates, ServiceConfiguration configuration) {
        public FileStrings {
            deferred = List.copyOf(deferred);
            templates = List.copyOf(templates);
        }

        /** Only what was found, nothing deferred. */
        public static FileStrings only(ExtractionResult result) {
            return new FileStrings(result, ConstantIndex.empty(), List.of(), List.of(), ServiceConfiguration.none());
        }

        /** The same without the deferred expressions whose fallback is no longer among the places (another reader took them). */
        public FileStrings keepingDeferredIn(ExtractionResult merged) {
            Set<UnresolvedSql> places = new java.util.HashSet<>(merged.notChecked());
            List<Deferred> kept = deferred.stream().filter(d -> places.contains(d.otherwise())).toList();
            return new FileStrings(merged, constants, kept, templates, configuration);
        }
    }

    public ExtractionResult extract(String path, String source) {
        return extract(new SourceFile(path, source));
    }

    /** The file alone: a constant of another file leaves what uses it not checked. */
    public ExtractionResult extract(SourceFile file) {
        return resolve(List.of(read(file)));
    }

    /** Reads the file from its shared tree; what needs other files' constants waits for {@link #resolve}. */
    public FileStrings read(SourceFile file) {
        String path = file.path();
        String source = file.text();
        ParseResult<CompilationUnit> parsed = file.java();
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            int line = parsed.getProblems().stream().findFirst().flatMap(Problem::getLocation)
                    .flatMap(location -> location.getBegin().getRange()).map(range -> range.begin.line).orElse(1);
            return new FileStrings(new ExtractionResult(List.of(), List.of(UnresolvedSql.wholeFile(path, line,
                    JavaSources.whyNot(parsed))), List.of()), ConstantIndex.empty(), List.of(), List.of(),
                    file.configuration());
        }
        CompilationUnit unit = parsed.getResult().get();
        ConstantIndex constants = ConstantIndex.of(path, unit);
        StringExpressionEvaluator evaluator = new StringExpressionEvaluator(unit, constants);
        List<AccessPattern> patterns = new ArrayList<>();
        List<UnresolvedSql> notChecked = new ArrayList<>();
        List<Deferred> deferred = new ArrayList<>();
        DetachedExpressions detached = new DetachedExpressions();
        VariableValues variables = new VariableValues();
        List<JavaColumnReads.Statement> statements = new ArrayList<>();
        boolean jpqlQueries = QueryAnnotations.holdJpql(unit.getImports().stream()
                .map(i -> i.getNameAsString() + (i.isAsterisk() ? ".*" : "")).toList(), source);
        for (Expression expression : StringExpressions.maximal(unit, evaluator)) {
            if (jpqlQueries && isJpql(expression)) {
                continue;
            }
            Origin origin = JavaSources.origin(path, expression);
            String fragment = Fragments.shorten(expression.toString());
            Optional<List<String>> values = evaluator.variants(expression);
            if (values.isPresent()) {
                for (String value : values.get()) {
                    String sql = FormatTemplates.filled(file.configuration().withBatchPrefix(value.strip()));
                    if (classifier.isSql(sql)) {
                        patterns.add(new AccessPattern(sql, origin, ID));
                        statements.add(new JavaColumnReads.Statement(expression, sql));
                    } else if (classifier.looksLikeSql(sql)) {
                        notChecked.add(new UnresolvedSql(origin, fragment, whyNotParsed(sql)));
                    }
                }
                continue;
            }
            List<StringExpressionEvaluator.Part> parts = StringExpressions.sketch(expression, evaluator);
            Optional<String> listed = StringExpressions.withInListsOfOne(parts)
                    .map(sql -> file.configuration().withBatchPrefix(sql.strip())).filter(classifier::isSql);
            if (listed.isPresent()) {
                patterns.add(new AccessPattern(listed.get(), origin, ID));
                statements.add(new JavaColumnReads.Statement(expression, listed.get()));
                continue;
            }
            Optional<String> reason = unresolved(parts);
            UnresolvedSql place = reason.map(r -> new UnresolvedSql(origin, fragment, r)).orElse(null);
            if (place != null) {
                notChecked.add(place);
            }
            if (StringExpressions.mayNeedOtherFiles(expression, evaluator, variables)) {
                deferred.add(new Deferred(detached.detach(expression), evaluator.namesAt(expression), origin, fragment,
                        place));
            }
        }
        JavaNullBindings nulls = JavaNullBindings.of(unit, argument -> evaluator.variants(argument)
                .flatMap(values -> values.stream().map(v -> file.configuration().withBatchPrefix(v.strip()))
                        .filter(classifier::isSql).findFirst()));
        patterns.replaceAll(p -> nulls.of(p.sql()).isEmpty() ? p : p.withNullableParameters(nulls.of(p.sql())));
        List<Deferred> templates = new ArrayList<>();
        for (Expression template : StringExpressions.formatTemplates(unit)) {
            templates.add(new Deferred(DetachedExpressions.copyOf(template), evaluator.namesAt(template), JavaSources.origin(path,
                    template), "", null));
        }
        return new FileStrings(new ExtractionResult(patterns, notChecked, List.of(),
                JavaColumnReads.find(path, unit, evaluator, statements)), constants.detached(), deferred, templates,
                file.configuration());
    }

    /**
     * The statements of the files once every file's constants are known: each deferred expression evaluated with
     * them, and the constants used as format strings no longer reported as statements of their own.
     */
    public ExtractionResult resolve(List<FileStrings> files) {
        List<ConstantIndex> indexes = new ArrayList<>();
        files.forEach(f -> indexes.add(f.constants()));
        StringExpressionEvaluator evaluator = new StringExpressionEvaluator(ConstantIndex.merge(indexes));
        Set<Origin> templateOrigins = new java.util.HashSet<>();
        for (FileStrings file : files) {
            for (Deferred template : file.templates()) {
                evaluator.constantFor(template.expression(), template.names())
                        .ifPresent(constant -> templateOrigins.add(constant.origin()));
            }
        }
        List<ExtractionResult> results = new ArrayList<>();
        for (FileStrings file : files) {
            Set<UnresolvedSql> replaced = new java.util.HashSet<>();
            List<AccessPattern> patterns = new ArrayList<>();
            List<UnresolvedSql> notChecked = new ArrayList<>();
            for (Deferred item : file.deferred()) {
                Optional<List<String>> values = evaluator.variants(item.expression(), item.names());
                if (values.isEmpty()) {
                    values = StringExpressions.withInListsOfOne(StringExpressions.sketch(item.expression(), evaluator,
                            item.names())).map(List::of);
                }
                if (values.isEmpty()) {
                    continue;
                }
                if (item.otherwise() != null) {
                    replaced.add(item.otherwise());
                }
                for (String value : values.get()) {
                    String sql = FormatTemplates.filled(file.configuration().withBatchPrefix(value.strip()));
                    if (classifier.isSql(sql)) {
                        patterns.add(new AccessPattern(sql, item.origin(), ID));
                    } else if (classifier.looksLikeSql(sql)) {
                        notChecked.add(new UnresolvedSql(item.origin(), item.fragment(), whyNotParsed(sql)));
                    }
                }
            }
            ExtractionResult own = file.result();
            patterns.addAll(own.patterns());
            own.notChecked().stream()
                    .filter(u -> !replaced.contains(u))
                    .filter(u -> !(u.reason().equals(FORMAT_REASON) && templateOrigins.contains(u.origin())))
                    .forEach(notChecked::add);
            results.add(new ExtractionResult(patterns, notChecked, own.warnings(), own.reads()));
        }
        return ExtractionResult.combine(results);
    }

    /**
     * Why an expression (sketched as its parts) is not checked, when the text it does know looks like SQL: the parts
     * known only at run time. Empty when what it knows does not look like SQL.
     */
    private Optional<String> unresolved(List<StringExpressionEvaluator.Part> parts) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).resolved() && classifier.looksLikeSql(textFrom(parts, i))) {
                String dynamic = parts.stream()
                        .filter(part -> !part.resolved())
                        .map(part -> Fragments.shorten(part.source().toString()))
                        .collect(Collectors.toCollection(LinkedHashSet::new))
                        .stream().collect(Collectors.joining(", "));
                return Optional.of(dynamic.isEmpty() ? FORMAT_REASON : "built at run time from " + dynamic);
            }
        }
        return Optional.empty();
    }

    // Run-time parts stand in as a placeholder so that "SELECT * " + cols + " FROM t" still shows its FROM.
    private static String textFrom(List<StringExpressionEvaluator.Part> parts, int first) {
        StringBuilder text = new StringBuilder();
        for (StringExpressionEvaluator.Part part : parts.subList(first, parts.size())) {
            text.append(part.resolved() ? part.text() : " x ");
        }
        return text.toString();
    }

    private String whyNotParsed(String sql) {
        if (sql.matches("(?s).*%[sd].*")) {
            return FORMAT_REASON;
        }
        return classifier.parse(sql).reason();
    }

    /** Spring Data's {@code @Query} holds JPQL unless it says {@code nativeQuery = true}; JPQL names entities. */
    private static boolean isJpql(Expression expression) {
        Optional<AnnotationExpr> annotation = enclosingAnnotation(expression);
        if (annotation.isEmpty() || !JPQL_ANNOTATIONS.contains(annotation.get().getNameAsString())) {
            return false;
        }
        return !(annotation.get() instanceof NormalAnnotationExpr normal && normal.getPairs().stream()
                .anyMatch(pair -> pair.getNameAsString().equals("nativeQuery")
                        && pair.getValue() instanceof BooleanLiteralExpr flag && flag.getValue()));
    }

    private static Optional<AnnotationExpr> enclosingAnnotation(Node node) {
        Optional<Node> current = node.getParentNode();
        while (current.isPresent() && !(current.get() instanceof AnnotationExpr)) {
            current = current.get().getParentNode();
        }
        return current.map(AnnotationExpr.class::cast);
    }
}
