package io.switchover.patterns;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.VariableDeclarator;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The evaluation of a concatenation takes no stack frame per term. */
class StringExpressionEvaluatorTest {

    @Test
    void aLongConcatenationIsEvaluatedOnASmallStack() throws InterruptedException {
        String terms = String.join(" + ", Collections.nCopies(1_900, "\"a\""));
        CompilationUnit unit = JavaSources.parse("class Q { static final String SQL = " + terms + "; }").getResult()
                .orElseThrow();
        VariableDeclarator sql = unit.findFirst(VariableDeclarator.class).orElseThrow();
        AtomicReference<Object> value = new AtomicReference<>();

        // 64 KB: a frame per term (nineteen hundred of them) would overflow it.
        Thread small = new Thread(null, () -> {
            try {
                value.set(new StringExpressionEvaluator(unit).evaluate(sql.getInitializer().orElseThrow()));
            } catch (StackOverflowError e) {
                value.set(e);
            }
        }, "small-stack", 64 * 1024);
        small.start();
        small.join();

        assertEquals(Optional.of("a".repeat(1_900)), value.get());
    }

    @Test
    void aConstantMadeOfHundredsOfConstantsIsNotFollowed() {
        StringBuilder source = new StringBuilder("class Q {\n  static final String C0 = \"SELECT a FROM t\";\n");
        for (int i = 1; i <= 300; i++) {
            source.append("  static final String C").append(i).append(" = C").append(i - 1).append(" + \"\";\n");
        }
        CompilationUnit unit = JavaSources.parse(source + "}").getResult().orElseThrow();
        StringExpressionEvaluator evaluator = new StringExpressionEvaluator(unit);

        Optional<String> near = evaluator.evaluate(initializerOf(unit, "C10"));
        Optional<String> far = evaluator.evaluate(initializerOf(unit, "C300"));

        assertEquals(Optional.of("SELECT a FROM t"), near);
        assertEquals(Optional.empty(), far);
    }

    private static com.github.javaparser.ast.expr.Expression initializerOf(CompilationUnit unit, String name) {
        return unit.findFirst(VariableDeclarator.class, v -> v.getNameAsString().equals(name)).orElseThrow()
                .getInitializer().orElseThrow();
    }
}
