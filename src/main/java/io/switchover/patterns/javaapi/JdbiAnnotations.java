package io.switchover.patterns.javaapi;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.stringtemplate.InlineTemplates;
import io.switchover.patterns.stringtemplate.StringTemplateLocators;
import io.switchover.patterns.stringtemplate.StringTemplateSqlObjects;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jDBI's {@code @SqlQuery}, {@code @SqlUpdate} and {@code @SqlBatch} on SQL-object methods. {@code :name} parameters
 * stay (the probe binds them like {@code ?}); a {@code <ids>} list binding ({@code @BindList}) becomes one {@code ?};
 * a {@code <name>} that {@code @Define} fills in is text known at run time only, so the statement is not checked. The
 * methods of a type with a StringTemplate locator name a template instead: {@link StringTemplateSqlObjects} reads them.
 */
public final class JdbiAnnotations {
    public static final String ID = "jdbi-annotation";

    private static final Set<String> STATEMENTS = Set.of("SqlQuery", "SqlUpdate", "SqlBatch");
    private static final Pattern TEMPLATE = Pattern.compile("<([A-Za-z_][A-Za-z0-9_]*)>");

    void find(JavaApiContext context) {
        if (!context.imports("org.jdbi") && !context.imports("org.skife.jdbi")) {
            return;
        }
        for (MethodDeclaration method : context.unit().findAll(MethodDeclaration.class)) {
            for (AnnotationExpr annotation : method.getAnnotations()) {
                String name = annotation.getName().getIdentifier();
                if (name.equals("SqlCall")) {
                    JavaApiContext.value(annotation).ifPresent(context::claim);
                    context.notChecked(lineOf(context, annotation), "@SqlCall " + method.getNameAsString(),
                            "a stored procedure call");
                } else if (STATEMENTS.contains(name)) {
                    read(context, method, annotation);
                }
            }
        }
    }

    private static void read(JavaApiContext context, MethodDeclaration method, AnnotationExpr annotation) {
        String label = "@" + annotation.getName().getIdentifier() + " " + method.getNameAsString();
        Optional<Expression> value = JavaApiContext.value(annotation);
        if (StringTemplateLocators.locatorOf(method).isPresent()) {
            value.ifPresent(context::claim); // a template's name: StringTemplateSqlObjects renders the template
            return;
        }
        if (usesClasspathLocator(method)) {
            value.ifPresent(context::claim);
            context.notChecked(lineOf(context, annotation), label, "@UseClasspathSqlLocator reads the SQL from a"
                    + " .sql resource; that file is checked on its own when it is among the sources");
            return;
        }
        Optional<String> text = value.flatMap(context::text);
        if (value.isEmpty() || (value.get() instanceof StringLiteralExpr && text.map(String::isBlank).orElse(true))) {
            return; // a located sub-type renders its template, or StringTemplateSqlObjects says there is no SQL
        }
        if (text.isEmpty()) {
            return; // built at run time: the generic extractor says so
        }
        Origin origin = context.origin(value.get());
        context.claim(value.get());
        Set<String> defined = defines(method);
        if (rendersWithStringTemplate(method)) {
            InlineTemplates.Rendered rendered = InlineTemplates.render(text.get(), defined, lists(method));
            rendered.statements().forEach(sql -> context.statement(sql, origin, ID, JavaApiContext.shorten(sql)));
            rendered.problem().ifPresent(problem -> context.notChecked(origin, JavaApiContext.shorten(text.get()),
                    rendered.statements().isEmpty() ? problem : "some variants of its conditionals: " + problem));
            return;
        }
        StringBuilder sql = new StringBuilder();
        Matcher template = TEMPLATE.matcher(text.get());
        while (template.find()) {
            if (defined.contains(template.group(1))) {
                context.notChecked(origin, JavaApiContext.shorten(text.get()),
                        "<" + template.group(1) + "> is text filled in at run time (@Define)");
                return;
            }
            boolean inParentheses = text.get().substring(0, template.start()).stripTrailing().endsWith("(");
            template.appendReplacement(sql, inParentheses ? "?" : "(?)");
        }
        template.appendTail(sql);
        context.statement(sql.toString().strip(), origin, ID, JavaApiContext.shorten(text.get()));
    }

    private static Set<String> defines(MethodDeclaration method) {
        return parametersAnnotated(method, "Define");
    }

    private static Set<String> lists(MethodDeclaration method) {
        return parametersAnnotated(method, "BindList");
    }

    /** The attribute names the annotation gives the method's parameters: its value, else the parameter's name. */
    private static Set<String> parametersAnnotated(MethodDeclaration method, String annotation) {
        Set<String> names = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            parameter.getAnnotationByName(annotation).ifPresent(found -> names.add(JavaApiContext.value(found)
                    .filter(StringLiteralExpr.class::isInstance)
                    .map(v -> ((StringLiteralExpr) v).asString())
                    .orElse(parameter.getNameAsString())));
        }
        return names;
    }

    /** jDBI 3's {@code @UseStringTemplateEngine}: the annotation's SQL is a StringTemplate, conditionals and all. */
    private static boolean rendersWithStringTemplate(MethodDeclaration method) {
        return annotatedHereOrAbove(method, "UseStringTemplateEngine");
    }

    private static boolean usesClasspathLocator(MethodDeclaration method) {
        return annotatedHereOrAbove(method, "UseClasspathSqlLocator");
    }

    private static boolean annotatedHereOrAbove(MethodDeclaration method, String annotation) {
        Optional<Node> current = Optional.of(method);
        while (current.isPresent()) {
            if (current.get() instanceof MethodDeclaration m && m.isAnnotationPresent(annotation)) {
                return true;
            }
            if (current.get() instanceof TypeDeclaration<?> type && type.isAnnotationPresent(annotation)) {
                return true;
            }
            current = current.get().getParentNode();
        }
        return false;
    }

    private static Origin lineOf(JavaApiContext context, AnnotationExpr annotation) {
        return new Origin(context.path(), annotation.getBegin().map(p -> p.line).orElse(1));
    }
}
