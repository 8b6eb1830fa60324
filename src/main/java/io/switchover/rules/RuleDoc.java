package io.switchover.rules;

/** A rule's documentation: its front matter (id, title, severity, category) and its markdown body. */
public record RuleDoc(String id, String title, Severity severity, String category, String markdown) {
}
