package io.switchover.rules;

import java.util.ArrayList;
import java.util.List;

/** The catch-all: an old statement that worked at S0 fails after a batch migration, for a reason no rule names. */
public final class OldStatementFails implements Rule {
    private static final RuleDoc DOC = RuleDocs.load("old-statement-fails");

    @Override
    public RuleDoc doc() {
        return DOC;
    }

    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        List<Finding> findings = new ArrayList<>();
        for (Break broken : breaks.open()) {
            String script = broken.state().migration().script();
            String message = script + " breaks a statement that " + evidence.production() + " issues";
            String help = "promote " + script + " only once no running version issues this statement";
            findings.addAll(Findings.forBreak(DOC, evidence, broken, message, help));
            breaks.claim(broken);
        }
        return findings;
    }
}
