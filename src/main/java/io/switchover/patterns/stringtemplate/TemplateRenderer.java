package io.switchover.patterns.stringtemplate;

import io.switchover.patterns.stringtemplate.ExpressionTokens.Kind;
import io.switchover.patterns.stringtemplate.ExpressionTokens.Token;
import io.switchover.patterns.stringtemplate.TemplateTags.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a template the way StringTemplate does, for one choice of the conditionals the source cannot decide:
 * template calls (positional and named arguments, defaults), attribute references looked up through the calling
 * templates (dynamic scoping), {@code <if>/<elseif>/<else>/<endif>} with {@code !}, {@code &&} and {@code ||}, where an
 * attribute is true when set and a template call always is, comments and {@code \<} escapes. A conditional over an
 * attribute known at run time only asks for a choice ({@link ChoiceNeeded}); anything else it cannot render from the
 * source is {@link Unrenderable}, with the reason.
 */
final class TemplateRenderer {
    private static final int MAX_DEPTH = 64;

    private final GroupChain templates;
    private final MethodAttributes attributes;
    private final Map<String, Boolean> choices;

    /** A conditional over an attribute known at run time only, for which no branch was chosen yet. */
    static final class ChoiceNeeded extends Exception {
        private static final long serialVersionUID = 1L;
        private final String attribute;

        ChoiceNeeded(String attribute) {
            super(attribute, null, false, false);
            this.attribute = attribute;
        }

        String attribute() {
            return attribute;
        }
    }

    /** The templates a call may name and the attributes the DAO method sets; the choices made so far, by attribute. */
    TemplateRenderer(GroupChain templates, MethodAttributes attributes, Map<String, Boolean> choices) {
        this.templates = templates;
        this.attributes = attributes;
        this.choices = Map.copyOf(choices);
    }

    /** The template as the method's call renders it: its parameters are the method's attributes. */
    String render(Template template) throws Unrenderable, ChoiceNeeded {
        Map<String, Attribute> top = new HashMap<>();
        for (String parameter : template.parameters()) {
            top.put(parameter, attributes.of(parameter));
        }
        return body(template.body(), new Scope(template, top, null), 0);
    }

    /** A template's values: its parameters, then the templates that called it (StringTemplate's dynamic scope). */
    private record Scope(Template template, Map<String, Attribute> values, Scope caller) {
        Attribute lookUp(String name, MethodAttributes attributes) {
            for (Scope scope = this; scope != null; scope = scope.caller) {
                Attribute value = scope.values.get(name);
                if (value != null && value != Attribute.ABSENT) {
                    return value;
                }
            }
            return attributes.of(name);
        }

        boolean declares(String name) {
            for (Scope scope = this; scope.caller != null; scope = scope.caller) {
                if (scope.template.parameters().contains(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    private String body(String body, Scope scope, int depth) throws Unrenderable, ChoiceNeeded {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            Optional<Tag> found = TemplateTags.next(body, at);
            if (found.isEmpty()) {
                out.append(TemplateTags.text(body, at, body.length()));
                return out.toString();
            }
            Tag tag = found.get();
            out.append(TemplateTags.text(body, at, tag.start()));
            String content = tag.content();
            if (content.startsWith("!")) {
                at = tag.end();
            } else if (content.startsWith("\\")) {
                out.append(special(content));
                at = tag.end();
            } else if (isKeyword(content, "if")) {
                at = conditional(body, tag, scope, depth, out);
            } else if (isKeyword(content, "elseif") || content.equals("else") || content.equals("endif")) {
                throw new Unrenderable("<" + content + "> without its <if> in the template");
            } else {
                emit(evaluate(new ExpressionTokens(content), scope, depth, true), content, scope, out);
                at = tag.end();
            }
        }
    }

    private static boolean isKeyword(String content, String keyword) {
        return content.startsWith(keyword) && content.substring(keyword.length()).stripLeading().startsWith("(");
    }

    private static String special(String content) throws Unrenderable {
        return switch (content) {
            case "\\n" -> "\n";
            case "\\t" -> "\t";
            case "\\r" -> "\r";
            case "\\ " , "\\" -> " ";
            default -> throw new Unrenderable("<" + content + "> is an escape that switchover does not read");
        };
    }

    private void emit(Attribute value, String content, Scope scope, StringBuilder out) throws Unrenderable {
        if (value instanceof Attribute.Text text) {
            out.append(text.value());
        } else if (value instanceof Attribute.BoundList) {
            out.append(out.toString().stripTrailing().endsWith("(") ? "?" : "(?)");
        } else if (value instanceof Attribute.RunTime runTime) {
            throw new Unrenderable("<" + runTime.name() + "> is text filled in at run time (@Define)");
        } else if (!scope.declares(content)) {
            throw new Unrenderable("<" + content + "> is set neither by a template nor by the DAO method (@Define)");
        }
    }

    /** Renders the branch a conditional takes into {@code out}; where the body goes on after its {@code <endif>}. */
    private int conditional(String body, Tag opening, Scope scope, int depth, StringBuilder out)
            throws Unrenderable, ChoiceNeeded {
        List<String> conditions = new ArrayList<>();
        List<int[]> branches = new ArrayList<>();
        conditions.add(condition(opening.content()));
        int branchStart = opening.end();
        int nesting = 0;
        int at = opening.end();
        while (true) {
            Optional<Tag> found = TemplateTags.next(body, at);
            if (found.isEmpty()) {
                throw new Unrenderable("<" + opening.content() + "> has no <endif>");
            }
            Tag tag = found.get();
            String content = tag.content();
            at = tag.end();
            if (isKeyword(content, "if")) {
                nesting++;
            } else if (content.equals("endif") && nesting > 0) {
                nesting--;
            } else if (nesting == 0 && (content.equals("endif") || content.equals("else")
                    || isKeyword(content, "elseif"))) {
                branches.add(new int[] {branchStart, tag.start()});
                branchStart = tag.end();
                if (content.equals("endif")) {
                    break;
                }
                conditions.add(content.equals("else") ? null : condition(content));
            }
        }
        for (int i = 0; i < conditions.size(); i++) {
            String condition = conditions.get(i);
            if (condition == null || truth(new ExpressionTokens(condition), scope, depth, true)) {
                out.append(body(body.substring(branches.get(i)[0], branches.get(i)[1]), scope, depth));
                break;
            }
        }
        return at;
    }

    private static String condition(String content) {
        String inner = content.substring(content.indexOf('(') + 1).strip();
        return inner.endsWith(")") ? inner.substring(0, inner.length() - 1) : inner;
    }

    /** An or-expression of a condition; {@code whole}: nothing may follow it. */
    private boolean truth(ExpressionTokens tokens, Scope scope, int depth, boolean whole)
            throws Unrenderable, ChoiceNeeded {
        boolean value = conjunction(tokens, scope, depth);
        while (tokens.accept("||")) {
            value |= conjunction(tokens, scope, depth);
        }
        if (whole && !tokens.atEnd()) {
            throw tokens.unsupported();
        }
        return value;
    }

    private boolean conjunction(ExpressionTokens tokens, Scope scope, int depth) throws Unrenderable, ChoiceNeeded {
        boolean value = negation(tokens, scope, depth);
        while (tokens.accept("&&")) {
            value &= negation(tokens, scope, depth);
        }
        return value;
    }

    private boolean negation(ExpressionTokens tokens, Scope scope, int depth) throws Unrenderable, ChoiceNeeded {
        if (tokens.accept("!")) {
            return !negation(tokens, scope, depth);
        }
        if (tokens.accept("(")) {
            boolean value = truth(tokens, scope, depth, false);
            tokens.expect(")");
            return value;
        }
        if (tokens.peek().kind() == Kind.NAME && tokens.peekSecond().is("(")) {
            skipCall(tokens);
            return true; // a template instance is present, whatever it renders
        }
        Attribute value = evaluate(tokens, scope, depth, false);
        if (value instanceof Attribute.RunTime runTime) {
            return chosen(runTime.name());
        }
        if (value instanceof Attribute.BoundList list) {
            return chosen(list.name());
        }
        return value instanceof Attribute.Text;
    }

    private boolean chosen(String attribute) throws ChoiceNeeded {
        Boolean choice = choices.get(attribute);
        if (choice == null) {
            throw new ChoiceNeeded(attribute);
        }
        return choice;
    }

    private static void skipCall(ExpressionTokens tokens) throws Unrenderable {
        tokens.next();
        tokens.expect("(");
        int nesting = 1;
        while (nesting > 0) {
            Token token = tokens.next();
            if (token.is("(")) {
                nesting++;
            } else if (token.is(")")) {
                nesting--;
            }
        }
    }

    /** A value: a string, an attribute, a template call or one in parentheses; {@code whole}: nothing may follow. */
    private Attribute evaluate(ExpressionTokens tokens, Scope scope, int depth, boolean whole)
            throws Unrenderable, ChoiceNeeded {
        Attribute value;
        Token token = tokens.next();
        if (token.kind() == Kind.STRING) {
            value = new Attribute.Text(token.text());
        } else if (token.is("(")) {
            value = evaluate(tokens, scope, depth, false);
            tokens.expect(")");
        } else if (token.kind() == Kind.NAME && tokens.accept("(")) {
            value = call(token.text(), tokens, scope, depth);
        } else if (token.kind() == Kind.NAME) {
            value = scope.lookUp(token.text(), attributes);
        } else {
            throw tokens.unsupported();
        }
        if (whole && !tokens.atEnd()) {
            throw tokens.unsupported();
        }
        return value;
    }

    private Attribute call(String name, ExpressionTokens tokens, Scope scope, int depth)
            throws Unrenderable, ChoiceNeeded {
        if (depth >= MAX_DEPTH) {
            throw new Unrenderable("its templates call each other more than " + MAX_DEPTH + " deep");
        }
        Template template = templates.find(name).orElseThrow(() -> new Unrenderable(templates.whyMissing(name)));
        Map<String, Attribute> arguments = new HashMap<>();
        int position = 0;
        while (!tokens.accept(")")) {
            if (position > 0 || !arguments.isEmpty()) {
                tokens.expect(",");
            }
            if (tokens.peek().kind() == Kind.NAME && tokens.peekSecond().is("=")) {
                String parameter = tokens.next().text();
                tokens.expect("=");
                arguments.put(parameter, evaluate(tokens, scope, depth, false));
            } else {
                if (position >= template.parameters().size()) {
                    throw new Unrenderable(name + "() is called with more arguments than it has parameters");
                }
                arguments.put(template.parameters().get(position++), evaluate(tokens, scope, depth, false));
            }
        }
        for (Map.Entry<String, String> parameter : template.defaults().entrySet()) {
            arguments.putIfAbsent(parameter.getKey(), new Attribute.Text(parameter.getValue()));
        }
        return new Attribute.Text(body(template.body(), new Scope(template, arguments, scope), depth + 1));
    }
}
