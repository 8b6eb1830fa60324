package io.switchover.patterns.javaapi;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.mybatis.DynamicSql;
import io.switchover.patterns.mybatis.MapperXmlReader;
import io.switchover.patterns.mybatis.MyBatisStatements;
import io.switchover.patterns.mybatis.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MyBatis's {@code @Select}, {@code @Insert}, {@code @Update} and {@code @Delete}: the value, or its array of strings
 * joined by spaces, with {@code #{...}} and {@code ${...}} as in mapper XML; a {@code <script>} value is dynamic SQL
 * and expanded like a mapper's statement. {@code @SelectProvider} and its kin build SQL at run time.
 */
public final class MyBatisAnnotations {
    public static final String ID = "mybatis-annotation";

    private static final Set<String> STATEMENTS = Set.of("Select", "Insert", "Update", "Delete");
    private static final Set<String> PROVIDERS =
            Set.of("SelectProvider", "InsertProvider", "UpdateProvider", "DeleteProvider");

    private final MapperXmlReader reader = new MapperXmlReader();

    void find(JavaApiContext context) {
        if (!context.imports("org.apache.ibatis")) {
            return;
        }
        MyBatisStatements statements = new MyBatisStatements(context.classifier());
        for (AnnotationExpr annotation : context.unit().findAll(AnnotationExpr.class)) {
            String name = annotation.getName().getIdentifier();
            if (PROVIDERS.contains(name)) {
                context.notChecked(new Origin(context.path(), annotation.getBegin().map(p -> p.line).orElse(1)),
                        JavaApiContext.shorten(annotation.toString()), "SQL built at run time by a provider class");
                continue;
            }
            Optional<Expression> value = JavaApiContext.value(annotation);
            if (!STATEMENTS.contains(name) || value.isEmpty()) {
                continue;
            }
            Optional<String> text = context.text(value.get());
            if (text.isEmpty()) {
                continue; // built at run time: the generic extractor says so
            }
            Origin origin = context.origin(value.get());
            context.claim(value.get());
            String label = "@" + name;
            XmlElement script;
            String body = text.get().strip();
            if (body.startsWith("<script>")) {
                try {
                    script = reader.read(body);
                } catch (MapperXmlReader.MapperXmlException e) {
                    context.notChecked(origin, label, "the XML parser cannot read its <script>: " + e.getMessage());
                    continue;
                }
            } else {
                script = new XmlElement("script", Map.of(), List.of(body), 1);
            }
            List<String> notes = new ArrayList<>();
            List<String> variants = new DynamicSql(Map.of(), null, context.myBatisProperties()).expand(script, notes);
            context.add(statements.toResult(variants, notes, origin, ID, label));
        }
    }
}
