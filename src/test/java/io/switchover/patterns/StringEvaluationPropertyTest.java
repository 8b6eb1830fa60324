package io.switchover.patterns;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.VariableDeclarator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whatever nesting of the string-building APIs over constants of another file, the evaluator gives the text the JVM
 * gives: each generated expression carries its Java source and the value Java computes for it.
 */
class StringEvaluationPropertyTest {
    private static final List<String> CONSTANTS = List.of("alpha", "b c", "d,e", "");

    /** An expression's Java source, and its value as computed here by the JDK. */
    record Expr(String source, String value) {
    }

    @Property(tries = 300)
    void evaluatesAsTheJvmDoes(@ForAll("expressions") Expr expression) {
        CompilationUnit constants = JavaSources.parse("""
                package k;
                public interface K {
                    String C0 = "alpha";
                    String C1 = "b c";
                    final class Nested { public static final String C2 = "d,e"; public static final String C3 = ""; }
                }
                """).getResult().orElseThrow();
        CompilationUnit use = JavaSources.parse("package q;\nimport k.K;\nimport java.text.MessageFormat;\n"
                + "class Q { static final String SQL = " + expression.source() + "; }").getResult().orElseThrow();
        ConstantIndex index = ConstantIndex.merge(List.of(ConstantIndex.of(constants), ConstantIndex.of(use)));
        VariableDeclarator sql = use.findFirst(VariableDeclarator.class).orElseThrow();

        Optional<List<String>> values = new StringExpressionEvaluator(use, index)
                .variants(sql.getInitializer().orElseThrow());

        assertEquals(Optional.of(List.of(expression.value())), values, expression.source());
    }

    @Provide
    Arbitrary<Expr> expressions() {
        return expression(4);
    }

    private Arbitrary<Expr> expression(int depth) {
        Arbitrary<Expr> leaf = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abc xyz,%").ofMaxLength(8)
                        .filter(s -> !s.contains("%"))
                        .map(s -> new Expr("\"" + s + "\"", s)),
                Arbitraries.integers().between(0, CONSTANTS.size() - 1).map(i -> new Expr(
                        i < 2 ? "K.C" + i : "K.Nested.C" + i, CONSTANTS.get(i))));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Expr> inner = Arbitraries.lazy(() -> expression(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(2, Combinators.combine(inner, inner).as((a, b) ->
                        new Expr("(" + a.source() + " + " + b.source() + ")", a.value() + b.value()))),
                net.jqwik.api.Tuple.of(1, inner.map(a ->
                        new Expr("(" + a.source() + ").toUpperCase()", a.value().toUpperCase(Locale.ROOT)))),
                net.jqwik.api.Tuple.of(1, inner.map(a ->
                        new Expr("(" + a.source() + ").replace(\"a\", \"q\")", a.value().replace("a", "q")))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(inner, inner).as((a, b) ->
                        new Expr("String.format(\"<%s|%s>\", " + a.source() + ", " + b.source() + ")",
                                String.format("<%s|%s>", a.value(), b.value())))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(inner, inner).as((a, b) ->
                        new Expr("\"[%s]%s\".formatted(" + a.source() + ", " + b.source() + ")",
                                "[%s]%s".formatted(a.value(), b.value())))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(inner, inner).as((a, b) ->
                        new Expr("String.join(\";\", " + a.source() + ", " + b.source() + ")",
                                String.join(";", a.value(), b.value())))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(inner, inner).as((a, b) ->
                        new Expr("new StringBuilder(" + a.source() + ").append(" + b.source() + ").toString()",
                                a.value() + b.value()))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(inner, inner).as((a, b) ->
                        new Expr("MessageFormat.format(\"{1}:{0}\", " + a.source() + ", " + b.source() + ")",
                                b.value() + ":" + a.value()))),
                net.jqwik.api.Tuple.of(1, inner.map(a ->
                        new Expr("java.util.List.of(" + a.source() + ", \"z\").stream().map(s -> s + \"!\")"
                                + ".collect(java.util.stream.Collectors.joining(\"/\"))",
                                a.value() + "!/z!"))));
    }
}
