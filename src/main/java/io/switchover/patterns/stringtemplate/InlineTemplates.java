package io.switchover.patterns.stringtemplate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQL written in a jDBI annotation that StringTemplate renders ({@code @UseStringTemplateEngine}): each variant of its
 * conditionals over the method's attributes, as a DAO's group template renders.
 */
public final class InlineTemplates {
    private static final TemplateGroup NO_GROUP = new TemplateGroup("the annotation", "", List.of(), Map.of(), "");

    /**
     * @param statements the texts of the variants that render
     * @param problem    why the others (or all, when {@code statements} is empty) cannot be rendered, or empty
     */
    public record Rendered(List<String> statements, Optional<String> problem) {
        public Rendered {
            statements = List.copyOf(statements);
        }
    }

    private InlineTemplates() {
    }

    /**
     * @param runTime the method's {@code @Define}d attributes
     * @param lists   the lists it binds ({@code @BindList})
     */
    public static Rendered render(String template, Set<String> runTime, Set<String> lists) {
        TemplateVariants variants = TemplateVariants.of(new Template("annotation", List.of(), Map.of(), template, 1),
                new GroupChain(List.of(NO_GROUP), List.of()), new MethodAttributes(runTime, lists));
        return new Rendered(variants.texts().stream().map(String::strip).toList(), variants.problem());
    }
}
