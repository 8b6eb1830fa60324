package io.switchover.patterns.stringtemplate;

import java.util.Optional;

/** Finds the {@code <...>} expressions of a template body, as StringTemplate's lexer does. */
final class TemplateTags {

    /**
     * One expression.
     *
     * @param start   where its {@code <} is
     * @param end     just after its {@code >}
     * @param content what is between, stripped; a comment's starts with {@code !}
     */
    record Tag(int start, int end, String content) {
    }

    private TemplateTags() {
    }

    /** The next expression at or after {@code from}; an escaped {@code \<} is text. */
    static Optional<Tag> next(String body, int from) throws Unrenderable {
        int open = from;
        while (true) {
            open = body.indexOf('<', open);
            if (open < 0) {
                return Optional.empty();
            }
            if (open > 0 && body.charAt(open - 1) == '\\') {
                open++;
                continue;
            }
            break;
        }
        if (body.startsWith("<!", open)) {
            int close = body.indexOf("!>", open + 2);
            if (close < 0) {
                throw new Unrenderable("a <! comment !> of the template is not closed");
            }
            return Optional.of(new Tag(open, close + 2, body.substring(open + 1, close + 1)));
        }
        int braces = 0;
        for (int i = open + 1; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                i = closingQuote(body, i);
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces--;
            } else if (c == '>' && braces <= 0) {
                return Optional.of(new Tag(open, i + 1, body.substring(open + 1, i).strip()));
            }
        }
        throw new Unrenderable("a <expression> of the template is not closed");
    }

    /** The template text between expressions, its escapes undone. */
    static String text(String body, int from, int to) {
        String text = body.substring(from, to);
        return text.indexOf('\\') < 0 ? text : text.replace("\\<", "<").replace("\\>", ">");
    }

    private static int closingQuote(String body, int open) throws Unrenderable {
        for (int i = open + 1; i < body.length(); i++) {
            if (body.charAt(i) == '\\') {
                i++;
            } else if (body.charAt(i) == '"') {
                return i;
            }
        }
        throw new Unrenderable("a string in a <expression> of the template is not closed");
    }
}
