package io.switchover.rules;

import io.switchover.timeline.SchemaState;

import java.util.ArrayList;
import java.util.List;

/**
 * A running version of which the gate checked no statement at all, while the batch changes the schema: whatever it
 * does against the database, nothing here vouches for it.
 */
@RuleId("service-not-checked")
public final class ServiceNotChecked implements Rule {
    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        boolean changesSchema = evidence.timeline().states().stream().skip(1).map(SchemaState::diff)
                .anyMatch(diff -> !diff.isEmpty()) || evidence.timeline().failure().isPresent();
        List<Finding> findings = new ArrayList<>();
        if (!changesSchema) {
            return findings;
        }
        for (Coverage coverage : evidence.coverage()) {
            if (!coverage.nothingChecked()) {
                continue;
            }
            String found = coverage.statements() == 0 && coverage.notChecked() == 0
                    ? "it found no SQL in its files"
                    : "of " + coverage.statements() + " statement(s) none could be probed, and "
                    + coverage.notChecked() + " SQL-looking place(s) could not be resolved";
            findings.add(Finding.of(doc(), null, 0, 0, coverage.issuer().service(),
                    null, "no statement of " + coverage.issuer().label() + " was checked: " + found
                    + "; the batch changes the schema it uses, and nothing vouches for it",
                    "run 'switchover patterns --at " + coverage.issuer().version() + "' to see what the gate reads;"
                            + " point --sources at its code, add --captured-sql from production, or accept it with"
                            + " rules: {" + doc().id() + ": off} in switchover.yml", null));
        }
        return findings;
    }
}
