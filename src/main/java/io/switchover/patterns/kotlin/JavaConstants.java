package io.switchover.patterns.kotlin;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import io.switchover.patterns.NameContext;
import io.switchover.patterns.SourceFile;
import io.switchover.patterns.StringExpressionEvaluator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code static final String} constants of a Java file of the service, by qualified name
 * ({@code org.example.Tables.Orders.NAME}), for Kotlin templates that name them (<code>${Orders.NAME}</code>): Kotlin
 * sees a Java class's static fields as it sees an object's {@code const val}. A constant's value is what its
 * initializer evaluates to in its own file; the file's tree is the one the Java readers share.
 */
final class JavaConstants {
    private JavaConstants() {
    }

    static Map<String, String> of(SourceFile file) {
        // A file without a constant costs a substring search, not a walk of its tree.
        if (!file.text().contains("final String") && !file.text().contains("final static String")
                && !file.text().contains("interface")) {
            return Map.of();
        }
        Optional<CompilationUnit> unit;
        try {
            ParseResult<CompilationUnit> parsed = file.java();
            unit = parsed.getResult();
        } catch (RuntimeException | StackOverflowError e) {
            return Map.of(); // the Java literal extractor reports a file JavaParser cannot read
        }
        return unit.map(JavaConstants::of).orElse(Map.of());
    }

    private static Map<String, String> of(CompilationUnit unit) {
        Map<String, String> constants = new HashMap<>();
        NameContext names = NameContext.of(unit);
        StringExpressionEvaluator evaluator = null;
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            boolean isInterface = type instanceof ClassOrInterfaceDeclaration c && c.isInterface();
            for (FieldDeclaration field : type.getFields()) {
                if (!isInterface && !(field.isStatic() && field.isFinal())) {
                    continue;
                }
                for (VariableDeclarator variable : field.getVariables()) {
                    if (variable.getInitializer().isEmpty() || !variable.getTypeAsString().equals("String")) {
                        continue;
                    }
                    if (evaluator == null) {
                        evaluator = new StringExpressionEvaluator(unit);
                    }
                    String name = names.qualifiedName(type) + "." + variable.getNameAsString();
                    evaluator.evaluate(variable.getInitializer().get())
                            .ifPresent(value -> constants.putIfAbsent(name, value));
                }
            }
        }
        return constants;
    }
}
