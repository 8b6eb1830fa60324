package io.switchover.rules;

import java.util.Locale;

/** How bad a finding is; {@code --fail-on} names the lowest severity that fails the promotion. */
public enum Severity {
    WARNING,
    ERROR;

    public static Severity parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            default -> throw new IllegalArgumentException("unknown severity '" + text + "' (error or warning)");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
