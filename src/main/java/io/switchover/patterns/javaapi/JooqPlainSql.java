package io.switchover.patterns.javaapi;

import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import io.switchover.patterns.model.Origin;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * jOOQ's plain-SQL API: the string argument of {@code DSL.sql(...)}, {@code dsl.resultQuery(...)},
 * {@code dsl.execute(...)}, {@code dsl.fetch(...)} and their kin, called on {@code DSL} or on a {@code DSLContext}
 * of the file. jOOQ's {@code {0}} placeholders become {@code ?}; a placeholder that stands for a table or column
 * makes the statement unparsable, and it is then listed as not checked.
 */
public final class JooqPlainSql {
    public static final String ID = "jooq-plain-sql";

    private static final Set<String> METHODS = Set.of("sql", "query", "resultQuery", "execute", "fetch", "fetchOne",
            "fetchOptional", "fetchSingle", "fetchAny", "fetchLazy", "fetchStream", "fetchValue", "fetchMany",
            "fetchSet", "fetchInto", "fetchMap", "fetchGroups", "fetchArray");

    void find(JavaApiContext context) {
        if (!context.imports("org.jooq")) {
            return;
        }
        Set<String> dslContexts = dslContextNames(context);
        for (MethodCallExpr call : context.unit().findAll(MethodCallExpr.class)) {
            if (!METHODS.contains(call.getNameAsString()) || call.getArguments().isEmpty()
                    || call.getScope().filter(scope -> isJooq(scope, dslContexts)).isEmpty()) {
                continue;
            }
            Expression argument = call.getArgument(0);
            Optional<String> text = context.text(argument);
            if (text.isEmpty()) {
                continue;
            }
            String sql = text.get().replaceAll("\\{\\d+}", "?").strip();
            Origin origin = context.origin(argument);
            if (context.classifier().isSql(sql)) {
                context.claim(argument);
                context.pattern(sql, origin, ID);
            } else if (context.classifier().looksLikeSql(sql)) {
                context.claim(argument);
                context.notChecked(origin, JavaApiContext.shorten(argument.toString()), "JSqlParser cannot parse it");
            }
        }
    }

    private static boolean isJooq(Expression scope, Set<String> dslContexts) {
        if (scope instanceof NameExpr name) {
            return name.getNameAsString().equals("DSL") || dslContexts.contains(name.getNameAsString());
        }
        if (scope instanceof FieldAccessExpr field) {
            return field.getNameAsString().equals("DSL") || dslContexts.contains(field.getNameAsString());
        }
        // DSL.using(configuration).fetch(...)
        return scope instanceof MethodCallExpr call && call.getNameAsString().equals("using");
    }

    private static Set<String> dslContextNames(JavaApiContext context) {
        Set<String> names = new HashSet<>();
        for (VariableDeclarator variable : context.unit().findAll(VariableDeclarator.class)) {
            if (variable.getTypeAsString().endsWith("DSLContext")) {
                names.add(variable.getNameAsString());
            }
        }
        for (Parameter parameter : context.unit().findAll(Parameter.class)) {
            if (parameter.getTypeAsString().endsWith("DSLContext")) {
                names.add(parameter.getNameAsString());
            }
        }
        return names;
    }
}
