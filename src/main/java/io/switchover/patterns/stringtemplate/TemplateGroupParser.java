package io.switchover.patterns.stringtemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a StringTemplate group file, ST4 ({@code import "a.stg"}) or ST3 ({@code group name : parent;}): its imports
 * and its templates, {@code name(a, b) ::= "..."}, {@code <<...>>} or {@code <%...%>}. Aliases ({@code a ::= b})
 * become a template calling the other; dictionaries are skipped (rendering one that is used says so). What cannot be
 * read ends the reading, and the group says why.
 */
final class TemplateGroupParser {
    private final String text;
    private int at;

    private TemplateGroupParser(String text) {
        this.text = text;
    }

    /** @param resource the file's path on the classpath, which imports name */
    static TemplateGroup parse(String file, String resource, String text) {
        return new TemplateGroupParser(text).read(file, resource);
    }

    private TemplateGroup read(String file, String resource) {
        List<String> imports = new ArrayList<>();
        Map<String, Template> templates = new LinkedHashMap<>();
        String problem = "";
        try {
            while (skipSpaceAndComments()) {
                int start = at;
                String word = identifier();
                skipSpaceAndComments();
                if (word.equals("import") && peekString()) {
                    imports.add(string());
                } else if (word.equals("group") && !lookingAt("(") && !lookingAt("::=")) {
                    imports.addAll(groupHeader());
                } else if (word.equals("delimiters")) {
                    throw new IllegalStateException("custom delimiters are not read");
                } else {
                    if (word.equals("@")) {
                        throw new IllegalStateException("regions are not read");
                    }
                    Template template = template(word, start);
                    if (template != null) {
                        templates.putIfAbsent(template.name(), template);
                    }
                }
            }
        } catch (IllegalStateException e) {
            problem = e.getMessage() + " (line " + lineAt(at) + ")";
        }
        return new TemplateGroup(file, resource, imports, templates, problem);
    }

    /** ST3: {@code group name;} or {@code group name : parent;}; the parent is a group file of that name. */
    private List<String> groupHeader() {
        identifier();
        List<String> parents = new ArrayList<>();
        skipSpaceAndComments();
        if (lookingAt(":")) {
            at++;
            skipSpaceAndComments();
            parents.add(identifier() + ".sql.stg");
        }
        while (at < text.length() && text.charAt(at) != ';') {
            at++;
        }
        at++;
        return parents;
    }

    private Template template(String name, int start) {
        skipSpaceAndComments();
        List<String> parameters = new ArrayList<>();
        Map<String, String> defaults = new HashMap<>();
        if (lookingAt("(")) {
            at++;
            formalParameters(parameters, defaults);
        }
        skipSpaceAndComments();
        expect("::=");
        skipSpaceAndComments();
        int line = lineAt(start);
        if (lookingAt("[")) {
            skipDictionary();
            return null;
        }
        String body;
        if (lookingAt("<<")) {
            body = bigString();
        } else if (lookingAt("<%")) {
            body = noNewlineString();
        } else if (peekString()) {
            body = string();
        } else {
            body = "<" + identifier() + "()>"; // an alias
        }
        return new Template(name, parameters, defaults, body, line);
    }

    private void formalParameters(List<String> parameters, Map<String, String> defaults) {
        while (true) {
            skipSpaceAndComments();
            if (lookingAt(")")) {
                at++;
                return;
            }
            String parameter = identifier();
            parameters.add(parameter);
            skipSpaceAndComments();
            if (lookingAt("=")) {
                at++;
                skipSpaceAndComments();
                if (peekString()) {
                    defaults.put(parameter, string());
                } else {
                    skipValue();
                }
                skipSpaceAndComments();
            }
            if (lookingAt(",")) {
                at++;
            } else if (!lookingAt(")")) {
                throw new IllegalStateException("unreadable parameters of a template");
            }
        }
    }

    private void skipValue() {
        int depth = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if ((c == ',' || c == ')') && depth == 0) {
                return;
            }
            if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                depth--;
            }
            at++;
        }
    }

    private void skipDictionary() {
        int depth = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') {
                string();
                continue;
            }
            if (lookingAt("<<")) {
                bigString();
                continue;
            }
            at++;
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return;
            }
        }
        throw new IllegalStateException("a dictionary is not closed");
    }

    /** {@code <<...>>}: the newline right after the opening and right before the closing do not belong to it. */
    private String bigString() {
        at += 2;
        int end = text.indexOf(">>", at);
        while (end > 0 && text.charAt(end - 1) == '\\') {
            end = text.indexOf(">>", end + 1);
        }
        if (end < 0) {
            throw new IllegalStateException("a <<template>> is not closed");
        }
        String body = text.substring(at, end);
        at = end + 2;
        if (body.startsWith("\r\n")) {
            body = body.substring(2);
        } else if (body.startsWith("\n")) {
            body = body.substring(1);
        }
        if (body.endsWith("\r\n")) {
            body = body.substring(0, body.length() - 2);
        } else if (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
        }
        return body;
    }

    /** {@code <%...%>}: newlines and the indentation after them are dropped. */
    private String noNewlineString() {
        at += 2;
        int end = text.indexOf("%>", at);
        if (end < 0) {
            throw new IllegalStateException("a <%template%> is not closed");
        }
        String body = text.substring(at, end).replaceAll("\\r?\\n[ \\t]*", "");
        at = end + 2;
        return body;
    }

    private boolean peekString() {
        return lookingAt("\"");
    }

    private String string() {
        at++;
        StringBuilder value = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\\' && at + 1 < text.length() && text.charAt(at + 1) == '"') {
                value.append('"');
                at += 2;
                continue;
            }
            if (c == '\\' && at + 1 < text.length()) {
                value.append(c).append(text.charAt(at + 1));
                at += 2;
                continue;
            }
            at++;
            if (c == '"') {
                return value.toString();
            }
            value.append(c);
        }
        throw new IllegalStateException("a string is not closed");
    }

    private String identifier() {
        int start = at;
        if (at < text.length() && text.charAt(at) == '@') {
            at++;
            return "@";
        }
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                || text.charAt(at) == '-' || text.charAt(at) == '/' || text.charAt(at) == '.')) {
            at++;
        }
        if (start == at) {
            throw new IllegalStateException("unexpected '" + text.charAt(at) + "'");
        }
        return text.substring(start, at);
    }

    private void expect(String token) {
        if (!lookingAt(token)) {
            throw new IllegalStateException("expected " + token);
        }
        at += token.length();
    }

    private boolean lookingAt(String token) {
        return text.startsWith(token, at);
    }

    /** Skips blanks and comments; whether anything is left. */
    private boolean skipSpaceAndComments() {
        while (at < text.length()) {
            if (Character.isWhitespace(text.charAt(at))) {
                at++;
            } else if (lookingAt("/*")) {
                int end = text.indexOf("*/", at + 2);
                at = end < 0 ? text.length() : end + 2;
            } else if (lookingAt("//")) {
                int end = text.indexOf('\n', at);
                at = end < 0 ? text.length() : end + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private int lineAt(int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
