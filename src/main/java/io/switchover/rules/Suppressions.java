package io.switchover.rules;

import io.switchover.migrations.MigrationScript;
import io.switchover.migrations.MigrationStatement;
import io.switchover.migrations.Suppression;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the migrations' {@code switchover:allow} comments. {@code allow-file} covers every finding of its rule at
 * that migration; {@code allow} covers the findings about the statement after it, and findings that name no statement
 * of that migration (a probe's break is about the migration as a whole).
 */
final class Suppressions {
    private Suppressions() {
    }

    static RuleOutcome apply(List<Finding> findings, List<MigrationScript> scripts, UnusedSuppression unused) {
        List<Finding> kept = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        Set<Suppression> used = new HashSet<>();
        for (Finding finding : findings) {
            Optional<Suppression> allowing = allowing(finding, scripts);
            if (allowing.isPresent()) {
                suppressed.add(new SuppressedFinding(finding, allowing.get()));
                used.add(allowing.get());
            } else {
                kept.add(finding);
            }
        }
        for (MigrationScript script : scripts) {
            for (Suppression suppression : script.suppressions()) {
                if (!used.contains(suppression)) {
                    kept.add(unused.about(suppression, script));
                }
            }
        }
        return new RuleOutcome(List.copyOf(kept), List.copyOf(suppressed));
    }

    private static Optional<Suppression> allowing(Finding finding, List<MigrationScript> scripts) {
        if (finding.migration() == null || finding.step() <= 0) {
            return Optional.empty();
        }
        for (MigrationScript script : scripts) {
            if (script.step() != finding.step()) {
                continue;
            }
            for (Suppression suppression : script.fileSuppressions()) {
                if (suppression.rule().equals(finding.rule())) {
                    return Optional.of(suppression);
                }
            }
            for (MigrationStatement statement : script.statements()) {
                boolean aboutIt = finding.line() == 0 || finding.line() == statement.line();
                for (Suppression suppression : statement.suppressions()) {
                    if (aboutIt && suppression.rule().equals(finding.rule())) {
                        return Optional.of(suppression);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
