package io.switchover.architecture;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A method a newcomer reads at a glance: none in the tool's own code is longer than 80 lines. */
class MethodLengthTest {
    private static final int MOST_LINES = 80;

    @Test
    void noMethodIsLongerThanEightyLines() throws IOException {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        List<String> tooLong = new ArrayList<>();
        int methods = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                CompilationUnit unit = parser.parse(file).getResult().orElseThrow();
                for (CallableDeclaration<?> method : unit.findAll(CallableDeclaration.class)) {
                    methods++;
                    int lines = method.getRange().map(r -> r.end.line - r.begin.line + 1).orElse(0);
                    if (lines > MOST_LINES) {
                        tooLong.add(file + ":" + method.getRange().get().begin.line + " " + method.getNameAsString()
                                + " (" + lines + " lines)");
                    }
                }
            }
        }
        assertTrue(methods > 1000, "read the sources: " + methods + " methods");
        assertEquals(List.of(), tooLong);
    }
}
