package io.switchover.rules;

import io.switchover.SwitchoverException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-rule configuration from {@code switchover.yml} ({@code rules: {locking-ddl: off, type-change-may-not-fit:
 * error}}): a rule turned off reports nothing; another severity replaces the one its doc gives.
 */
public final class RuleSettings {
    private final Map<String, Optional<Severity>> settings;

    private RuleSettings(Map<String, Optional<Severity>> settings) {
        this.settings = settings;
    }

    public static RuleSettings defaults() {
        return new RuleSettings(Map.of());
    }

    /**
     * @param values rule id to {@code off}, {@code warning} or {@code error}
     * @param source where they come from, for messages
     */
    public static RuleSettings of(Map<String, String> values, RuleSet rules, String source) {
        Map<String, Optional<Severity>> settings = new LinkedHashMap<>();
        values.forEach((id, value) -> {
            if (rules.rules().stream().noneMatch(r -> r.id().equals(id))) {
                throw SwitchoverException.badInput(source + ": rules: unknown rule id '" + id
                        + "'; 'switchover rules' lists them");
            }
            if (value.equalsIgnoreCase("off")) {
                settings.put(id, Optional.empty());
            } else {
                try {
                    settings.put(id, Optional.of(Severity.parse(value)));
                } catch (IllegalArgumentException e) {
                    throw SwitchoverException.badInput(source + ": rules: " + id + ": use off, warning or error, not '"
                            + value + "'");
                }
            }
        });
        return new RuleSettings(Map.copyOf(settings));
    }

    /** The finding as configured, or empty when its rule is off. */
    Optional<Finding> apply(Finding finding) {
        Optional<Severity> configured = settings.get(finding.rule());
        if (configured == null) {
            return Optional.of(finding);
        }
        return configured.map(finding::withSeverity);
    }
}
