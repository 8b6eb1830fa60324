package io.switchover.patterns;

import io.switchover.sql.SqlParsing;
import com.github.javaparser.ParseResult;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the SQL in a Java source file: every maximal string expression (a literal, text block or {@code +}
 * concatenation not part of a larger one) that evaluates to a statement. A constant is reported once, where it is
 * declared; a bare use of it adds nothing, while a use inside a larger concatenation is a statement of its own.
 */
public final class JavaStringExtractor {
    public static final String ID = "java-literal";

    private static final Set<String> JPQL_ANNOTATIONS = Set.of("Query", "NamedQuery");

    private final SqlStatementClassifier classifier;

    public JavaStringExtractor(SqlStatementClassifier classifier) {
        this.classifier = classifier;
    }

    public ExtractionResult extract(String path, String source) {
        return extract(new SourceFile(path, source));
    }

    public ExtractionResult extract(SourceFile file) {
        String path = file.path();
        String source = file.text();
        ParseResult<CompilationUnit> parsed = file.java();
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            int line = parsed.getProblems().stream().findFirst().flatMap(Problem::getLocation)
                    .flatMap(location -> location.getBegin().getRange()).map(range -> range.begin.line).orElse(1);
            return new ExtractionResult(List.of(), List.of(UnresolvedSql.wholeFile(path, line,
                    JavaSources.whyNot(parsed))), List.of());
        }
        CompilationUnit unit = parsed.getResult().get();
        StringExpressionEvaluator evaluator = new StringExpressionEvaluator(unit);
        List<AccessPattern> patterns = new ArrayList<>();
        List<UnresolvedSql> notChecked = new ArrayList<>();
        List<JavaColumnReads.Statement> statements = new ArrayList<>();
        boolean jpqlQueries = QueryAnnotations.holdJpql(unit.getImports().stream()
                .map(i -> i.getNameAsString() + (i.isAsterisk() ? ".*" : "")).toList(), source);
        for (Expression expression : maximalStringExpressions(unit, evaluator)) {
            if (jpqlQueries && isJpql(expression)) {
                continue;
            }
            Origin origin = JavaSources.origin(path, expression);
            Optional<String> value = evaluator.evaluate(expression);
            if (value.isPresent()) {
                String sql = value.get().strip();
                if (classifier.isSql(sql)) {
                    patterns.add(new AccessPattern(sql, origin, ID));
                    statements.add(new JavaColumnReads.Statement(expression, sql));
                } else if (classifier.looksLikeSql(sql)) {
                    notChecked.add(new UnresolvedSql(origin, Fragments.shorten(expression.toString()),
                            whyNotParsed(sql)));
                }
            } else {
                unresolved(expression, evaluator).ifPresent(reason ->
                        notChecked.add(new UnresolvedSql(origin, Fragments.shorten(expression.toString()), reason)));
            }
        }
        return new ExtractionResult(patterns, notChecked, List.of(),
                JavaColumnReads.find(path, unit, evaluator, statements));
    }

    /** In source order; JavaParser's node equality is structural, so identity decides what was seen already. */
    private static List<Expression> maximalStringExpressions(CompilationUnit unit, StringExpressionEvaluator evaluator) {
        Set<Expression> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Expression> found = new ArrayList<>();
        List<Expression> starts = new ArrayList<>();
        unit.walk(Expression.class, expression -> {
            if (expression instanceof StringLiteralExpr || expression instanceof TextBlockLiteralExpr) {
                starts.add(expression);
            } else if ((expression instanceof NameExpr || expression instanceof FieldAccessExpr)
                    && evaluator.isConstantReference(expression)) {
                starts.add(expression);
            }
        });
        for (Expression start : starts) {
            Expression top = maximal(start);
            boolean bareConstantReference = top == start && !(start instanceof StringLiteralExpr)
                    && !(start instanceof TextBlockLiteralExpr);
            if (!bareConstantReference && seen.add(top)) {
                found.add(top);
            }
        }
        found.sort((a, b) -> a.getBegin().flatMap(pa -> b.getBegin().map(pa::compareTo)).orElse(0));
        return found;
    }

    private static Expression maximal(Expression expression) {
        Expression top = expression;
        while (true) {
            Optional<Node> parent = top.getParentNode();
            if (parent.isPresent() && parent.get() instanceof BinaryExpr binary
                    && binary.getOperator() == BinaryExpr.Operator.PLUS) {
                top = binary;
            } else if (parent.isPresent() && parent.get() instanceof EnclosedExpr enclosed
                    && enclosed.getParentNode().filter(JavaStringExtractor::isConcatenation).isPresent()) {
                top = enclosed;
            } else {
                return top;
            }
        }
    }

    private static boolean isConcatenation(Node node) {
        return node instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS;
    }

    private Optional<String> unresolved(Expression expression, StringExpressionEvaluator evaluator) {
        List<StringExpressionEvaluator.Part> parts = evaluator.parts(expression);
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).resolved() && classifier.looksLikeSql(textFrom(parts, i))) {
                String dynamic = parts.stream()
                        .filter(part -> !part.resolved())
                        .map(part -> Fragments.shorten(part.source().toString()))
                        .collect(Collectors.toCollection(LinkedHashSet::new))
                        .stream().collect(Collectors.joining(", "));
                return Optional.of("built at run time from " + dynamic);
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

    private static String whyNotParsed(String sql) {
        if (sql.matches("(?s).*%[sd].*")) {
            return "a format string, filled in at run time";
        }
        return SqlParsing.parse(sql).reason();
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
