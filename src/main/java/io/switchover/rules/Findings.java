package io.switchover.rules;

import io.switchover.patterns.AccessPattern;

import java.util.ArrayList;
import java.util.List;

/** Builds the findings of one break: one per place in the old code that issues the broken statement. */
final class Findings {
    private Findings() {
    }

    static List<Finding> forBreak(RuleDoc doc, Break broken, String message, String help) {
        List<Finding> findings = new ArrayList<>();
        for (AccessPattern pattern : broken.checked().patterns()) {
            findings.add(new Finding(doc.id(), doc.severity(), doc.title(), broken.state().migration(),
                    broken.state().step(), 0, broken.checked().issuer().service(), pattern, message, help, broken.error()));
        }
        return findings;
    }

    /** "reads" or "writes", as the old statement does to what the migration took away. */
    static String verb(CheckedStatement statement) {
        return statement.references().map(r -> switch (r.kind()) {
            case INSERT, UPDATE, DELETE, MERGE -> "writes";
            default -> "reads";
        }).orElse("uses");
    }
}
