package io.switchover.patterns.javaapi;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import io.switchover.patterns.JavaSources;
import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.StringExpressionEvaluator;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.sql.OneLine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One parsed source file and what the API readers found in it so far. */
final class JavaApiContext {
    private final String path;
    private final CompilationUnit unit;
    private final StringExpressionEvaluator evaluator;
    private final Map<String, String> myBatisProperties;
    private final SqlStatementClassifier classifier;
    private final List<ExtractionResult> found = new ArrayList<>();
    private final Set<Origin> claimed = new LinkedHashSet<>();

    JavaApiContext(String path, CompilationUnit unit, SqlStatementClassifier classifier) {
        this(path, unit, classifier, Map.of());
    }

    /** @param myBatisProperties what MyBatis's configuration properties fill {@code ${name}} with */
    JavaApiContext(String path, CompilationUnit unit, SqlStatementClassifier classifier,
                   Map<String, String> myBatisProperties) {
        this.path = path;
        this.unit = unit;
        this.evaluator = new StringExpressionEvaluator(unit);
        this.classifier = classifier;
        this.myBatisProperties = Map.copyOf(myBatisProperties);
    }

    Map<String, String> myBatisProperties() {
        return myBatisProperties;
    }

    CompilationUnit unit() {
        return unit;
    }

    SqlStatementClassifier classifier() {
        return classifier;
    }

    boolean imports(String packagePrefix) {
        return unit.getImports().stream().map(ImportDeclaration::getNameAsString)
                .anyMatch(name -> name.startsWith(packagePrefix));
    }

    /**
     * The value of a string expression, or of an array of them joined by spaces as MyBatis joins them; empty when a
     * part is only known at run time (the generic extractor reports that).
     */
    Optional<String> text(Expression expression) {
        if (expression instanceof ArrayInitializerExpr array) {
            List<String> parts = new ArrayList<>();
            for (Expression element : array.getValues()) {
                Optional<String> part = evaluator.evaluate(element);
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                parts.add(part.get());
            }
            return Optional.of(String.join(" ", parts));
        }
        return evaluator.evaluate(expression);
    }

    /** Where the generic extractor reports the expression's text: a constant at its declaration, else where it starts. */
    Origin origin(Expression expression) {
        if (expression instanceof ArrayInitializerExpr array && array.getValues().isNonEmpty()) {
            return origin(array.getValues().get(0));
        }
        Expression reported = evaluator.constantInitializer(expression).orElse(expression);
        return JavaSources.origin(path, reported);
    }

    /** Marks the expression (each element of an array) as read here, so the generic result there is replaced. */
    void claim(Expression expression) {
        if (expression instanceof ArrayInitializerExpr array) {
            array.getValues().forEach(this::claim);
        } else {
            claimed.add(origin(expression));
        }
    }

    void add(ExtractionResult result) {
        found.add(result);
    }

    void pattern(String sql, Origin origin, String extractor) {
        found.add(new ExtractionResult(List.of(new AccessPattern(sql, origin, extractor)), List.of(), List.of()));
    }

    void notChecked(Origin origin, String fragment, String reason) {
        found.add(new ExtractionResult(List.of(), List.of(new UnresolvedSql(origin, fragment, reason)), List.of()));
    }

    /** A statement read by an API reader: a pattern when JSqlParser reads it, otherwise not checked. */
    void statement(String sql, Origin origin, String extractor, String fragment) {
        if (classifier.isSql(sql)) {
            pattern(sql, origin, extractor);
        } else {
            notChecked(origin, fragment, "JSqlParser cannot parse it");
        }
    }

    String path() {
        return path;
    }

    JavaApiSqlExtractor.Result result() {
        return new JavaApiSqlExtractor.Result(ExtractionResult.combine(found), claimed);
    }

    /** The {@code value} of an annotation, whether written {@code @A("...")} or {@code @A(value = "...")}. */
    static Optional<Expression> value(AnnotationExpr annotation) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return Optional.of(single.getMemberValue());
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            return normal.getPairs().stream().filter(pair -> pair.getNameAsString().equals("value"))
                    .map(MemberValuePair::getValue).findFirst();
        }
        return Optional.empty();
    }

    static String shorten(String text) {
        String oneLine = OneLine.of(text);
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 159) + "…";
    }
}
