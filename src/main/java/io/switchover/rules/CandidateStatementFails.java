package io.switchover.rules;

import io.switchover.replay.FailureKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The candidate's own statement does not work where it has to: on the schema after the whole batch, or, with
 * code-first deployments, at a state it serves traffic on before the migration it needs has run.
 */
public final class CandidateStatementFails implements Rule {
    private static final RuleDoc DOC = RuleDocs.load("candidate-statement-fails");
    /** Failures the schema explains; anything else (syntax a replay engine lacks...) is left to the catch-all. */
    private static final Set<FailureKind> SCHEMA = Set.of(FailureKind.UNDEFINED_COLUMN, FailureKind.UNDEFINED_TABLE,
            FailureKind.UNDEFINED_FUNCTION, FailureKind.NOT_NULL_VIOLATION, FailureKind.BAD_VALUE);

    @Override
    public RuleDoc doc() {
        return DOC;
    }

    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        List<Finding> findings = new ArrayList<>();
        int last = evidence.timeline().states().size() - 1;
        for (Break broken : breaks.candidate()) {
            if (!SCHEMA.contains(broken.error().kind())) {
                continue;
            }
            String who = broken.checked().issuer().label();
            int step = broken.state().step();
            String message;
            String help;
            if (step == last) {
                message = who + " fails on the schema after the whole batch";
                help = "the candidate's code needs a schema change that no migration of the batch makes: add the"
                        + " migration, or fix the statement";
            } else {
                String at = step == 0 ? "production's schema, before the batch"
                        : "the schema after " + broken.state().migration().script();
                message = "with code-first deployment " + who + " serves traffic on " + at + ", where this fails";
                help = "deploy the schema change first (migrate-first), or make the code work with both schemas";
            }
            findings.addAll(Findings.forBreak(DOC, broken, message, help));
            breaks.claim(broken);
        }
        return findings;
    }
}
