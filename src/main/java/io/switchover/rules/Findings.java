package io.switchover.rules;

import io.switchover.migrations.Migration;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.timeline.DatabaseError;

import java.util.ArrayList;
import java.util.List;

/** Builds the findings of one break: one per place in the old code that issues the broken statement. */
final class Findings {
    private Findings() {
    }

    static List<Finding> forBreak(RuleDoc doc, Break broken, String message, String help) {
        return forBreak(doc, broken, message, help, 0);
    }

    /** @param line the line of the migration statement that caused the break, 0 when not known */
    static List<Finding> forBreak(RuleDoc doc, Break broken, String message, String help, int line) {
        return forBreak(doc, broken, broken.checked().patterns(), message, help, line);
    }

    /** As {@link #forBreak(RuleDoc, Break, String, String, int)}, at some of the places that issue the statement. */
    static List<Finding> forBreak(RuleDoc doc, Break broken, List<AccessPattern> places, String message, String help,
                                  int line) {
        List<Finding> findings = new ArrayList<>();
        for (AccessPattern pattern : places) {
            findings.add(Finding.of(doc, doc.severity(), broken.state().migration(),
                    broken.state().step(), line, broken.checked().issuer().service(), pattern, message, help,
                    broken.error()));
        }
        return findings;
    }

    /**
     * The findings of a rule that reads the migration rather than a probe, about one old statement: one per place in
     * the old code that issues it.
     *
     * @param error what the database said when a probe confirmed the finding, else null
     */
    static List<Finding> forStatement(RuleDoc doc, Severity severity, Migration migration, int step, int line,
                                      CheckedStatement statement, String message, String help, DatabaseError error) {
        List<Finding> findings = new ArrayList<>();
        for (AccessPattern pattern : statement.patterns()) {
            findings.add(Finding.of(doc, severity, migration, step, line,
                    statement.issuer().service(), pattern, message, help, error));
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
