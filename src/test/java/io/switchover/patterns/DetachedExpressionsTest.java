package io.switchover.patterns;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What outlives a file's tree holds nothing of it: not its nodes, not its tokens. */
class DetachedExpressionsTest {

    private static final String SOURCE = """
            class PersonRepository {
                /** the table */
                static final String TABLE = "person"; // the old name
                static final String FIND = "SELECT id, name FROM " + TABLE + " WHERE id = ?";
                /* an orphan comment */
            }
            """;

    @Test
    void aCopyKeepsItsLinesAndNoneOfTheFilesTokens() {
        CompilationUnit unit = JavaSources.parse(SOURCE).getResult().orElseThrow();
        TypeDeclaration<?> type = unit.getType(0);
        StringLiteralExpr table = type.findFirst(StringLiteralExpr.class).orElseThrow();
        assertTrue(JavaParserTokens.of(table.clone()) > 20, "JavaParser's own clone reaches every token of the file");

        TypeDeclaration<?> copy = DetachedExpressions.copyOf(type);
        List<Node> inside = new ArrayList<>(copy.findAll(Node.class));
        inside.addAll(copy.getAllContainedComments());
        assertEquals(3, copy.getAllContainedComments().size(), "the comments are copied");
        assertTrue(inside.stream().noneMatch(node -> node.getTokenRange().isPresent()), "no token is kept");
        StringLiteralExpr copied = copy.findFirst(StringLiteralExpr.class).orElseThrow();
        assertEquals("person", copied.getValue());
        assertEquals(table.getRange(), copied.getRange(), "the line and columns are");
        assertEquals(JavaSources.origin("PersonRepository.java", table),
                JavaSources.origin("PersonRepository.java", copied));
    }

    /** How many tokens a node's token range reaches, following the file's list of tokens both ways. */
    private static final class JavaParserTokens {
        static int of(Node node) {
            return node.getTokenRange().map(range -> {
                int count = 1;
                for (var t = range.getBegin(); t.getNextToken().isPresent(); t = t.getNextToken().get()) {
                    count++;
                }
                for (var t = range.getBegin(); t.getPreviousToken().isPresent(); t = t.getPreviousToken().get()) {
                    count++;
                }
                return count;
            }).orElse(0);
        }
    }
}
