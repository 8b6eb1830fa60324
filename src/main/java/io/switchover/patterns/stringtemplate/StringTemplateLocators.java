package io.switchover.patterns.stringtemplate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;

import java.util.Optional;

/**
 * Which annotations say that a jDBI SQL object's statements live in a StringTemplate group file: jDBI 3's
 * {@code @UseStringTemplateSqlLocator}, jDBI 2's {@code @UseStringTemplate3StatementLocator}, and in-house
 * annotations built on them, which by custom carry {@code StringTemplate} in their name
 * ({@code @KillBillSqlDaoStringTemplate}). jDBI 3's {@code @UseStringTemplateEngine} is not one: it renders the SQL
 * written in the annotation.
 */
public final class StringTemplateLocators {
    private StringTemplateLocators() {
    }

    public static boolean isLocator(AnnotationExpr annotation) {
        String name = annotation.getName().getIdentifier();
        return name.contains("StringTemplate") && !name.equals("UseStringTemplateEngine");
    }

    /** The locator on the type that declares the node (a method), if any. */
    public static Optional<AnnotationExpr> locatorOf(Node node) {
        for (Optional<Node> current = Optional.of(node); current.isPresent(); current = current.get().getParentNode()) {
            if (current.get() instanceof TypeDeclaration<?> type) {
                return type.getAnnotations().stream().filter(StringTemplateLocators::isLocator).findFirst();
            }
        }
        return Optional.empty();
    }
}
