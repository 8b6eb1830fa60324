package io.switchover.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Loads {@code rules/<id>.md} from the class path (the build copies the top-level {@code rules/} folder there). */
public final class RuleDocs {
    private RuleDocs() {
    }

    private static final ClassValue<RuleDoc> DECLARED = new ClassValue<>() {
        @Override
        protected RuleDoc computeValue(Class<?> rule) {
            RuleId id = rule.getAnnotation(RuleId.class);
            if (id == null) {
                throw new IllegalStateException(rule.getName() + " declares no @RuleId");
            }
            return load(id.value());
        }
    };

    /** The documentation of the rule the class declares with {@link RuleId}, loaded once. */
    public static RuleDoc of(Class<? extends Rule> rule) {
        return DECLARED.get(rule);
    }

    public static RuleDoc load(String id) {
        String resource = "/rules/" + id + ".md";
        try (InputStream in = RuleDocs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule " + id + " has no documentation at rules/" + id + ".md");
            }
            return parse(id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static RuleDoc parse(String id, String text) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            throw new IllegalStateException("rules/" + id + ".md must start with front matter (---)");
        }
        int end = normalized.indexOf("\n---\n", 4);
        if (end < 0) {
            throw new IllegalStateException("rules/" + id + ".md: front matter is not closed with ---");
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : normalized.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        String declared = require(fields, "id", id);
        if (!declared.equals(id)) {
            throw new IllegalStateException("rules/" + id + ".md declares id " + declared);
        }
        return new RuleDoc(id, require(fields, "title", id), Severity.parse(require(fields, "severity", id)),
                require(fields, "category", id), normalized.substring(end + 5).strip() + "\n");
    }

    private static String require(Map<String, String> fields, String key, String id) {
        String value = fields.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("rules/" + id + ".md lacks '" + key + "' in its front matter");
        }
        return value;
    }
}
