package io.switchover.patterns.stringtemplate;

import io.switchover.patterns.StringExpressionEvaluator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every text a template renders to, one for each way its conditionals over run-time attributes can go, at most
 * {@value StringExpressionEvaluator#MAX_VARIANTS} like the other extractors' variants; and why the variants that cannot
 * be rendered cannot (the first reason met), so that those stay not checked while the others are checked.
 *
 * @param texts     the distinct texts, in the order found
 * @param capped    whether more variants exist than were rendered
 * @param problem   why some variant (or every one, when {@code texts} is empty) cannot be rendered, or empty
 */
record TemplateVariants(List<String> texts, boolean capped, Optional<String> problem) {
    static final int MAX = StringExpressionEvaluator.MAX_VARIANTS;
    /** Renderings tried at most: a choice that does not change the text still costs one. */
    private static final int MAX_TRIES = 4 * MAX;

    TemplateVariants {
        texts = List.copyOf(texts);
    }

    static TemplateVariants of(Template template, GroupChain templates, MethodAttributes attributes) {
        Set<String> texts = new LinkedHashSet<>();
        Deque<Map<String, Boolean>> pending = new ArrayDeque<>();
        pending.push(Map.of());
        int tries = 0;
        Optional<String> problem = Optional.empty();
        while (!pending.isEmpty()) {
            if (texts.size() == MAX || tries == MAX_TRIES) {
                return new TemplateVariants(new ArrayList<>(texts), true, problem);
            }
            Map<String, Boolean> choices = pending.pop();
            tries++;
            try {
                texts.add(new TemplateRenderer(templates, attributes, choices).render(template));
            } catch (TemplateRenderer.ChoiceNeeded needed) {
                pending.push(with(choices, needed.attribute(), false));
                pending.push(with(choices, needed.attribute(), true));
            } catch (Unrenderable e) {
                if (problem.isEmpty()) {
                    problem = Optional.of(e.getMessage());
                }
            }
        }
        return new TemplateVariants(new ArrayList<>(texts), false, problem);
    }

    private static Map<String, Boolean> with(Map<String, Boolean> choices, String attribute, boolean value) {
        Map<String, Boolean> more = new HashMap<>(choices);
        more.put(attribute, value);
        return more;
    }
}
