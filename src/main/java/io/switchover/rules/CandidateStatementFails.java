package io.switchover.rules;

import io.switchover.patterns.SqlReferences;
import io.switchover.patterns.model.StatementKind;
import io.switchover.timeline.FailureKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The candidate's own statement does not work where it has to: on the schema after the whole batch, or, with
 * code-first deployments, at a state it serves traffic on before the migration it needs has run.
 */
@RuleId(CandidateStatementFails.ID)
@Claims(specificity = Claims.Specificity.CANDIDATE)
public final class CandidateStatementFails implements Rule {
    /** The rule's id, which reports use to speak of the candidate's statements as the candidate's. */
    public static final String ID = "candidate-statement-fails";

    /**
     * Failures the schema alone explains. A candidate statement has no "before" to compare with, so a failure that
     * made-up values can cause (a bad literal for an enum or array, a sub-select finding no row) is not claimed: it
     * is reported as not checkable instead.
     */
    private static final Set<FailureKind> SCHEMA = Set.of(FailureKind.UNDEFINED_COLUMN, FailureKind.UNDEFINED_TABLE,
            FailureKind.UNDEFINED_FUNCTION);

    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        List<Finding> findings = new ArrayList<>();
        int last = evidence.timeline().states().size() - 1;
        for (Break broken : breaks.candidate()) {
            if (!SCHEMA.contains(broken.error().kind()) && !omitsRequiredColumn(broken)
                    || breaks.failsAlikeBefore(broken, evidence).isPresent()
                    || Breaks.missingWhatSkippedMigrationsMake(broken, evidence)) {
                continue;
            }
            String who = broken.checked().issuer().label();
            int step = broken.state().step();
            String message;
            String help;
            if (step == last) {
                message = who + " fails on the schema after the whole batch";
                help = "the candidate's code needs a schema change that no migration of the batch makes: add the"
                        + " migration, or fix the statement; if production's database has it from outside these"
                        + " migrations (another service's, a change by hand), check against its exported schema:"
                        + " --prod-schema <file of snapshot-prod --schema>";
            } else {
                String at = step == 0 ? "production's schema, before the batch"
                        : "the schema after " + broken.state().migration().script();
                message = "with code-first deployment " + who + " serves traffic on " + at + ", where this fails";
                help = "deploy the schema change first (migrate-first), or make the code work with both schemas";
            }
            findings.addAll(Findings.forBreak(doc(), broken, message, help));
            breaks.claim(broken);
        }
        return findings;
    }

    /**
     * A not-null violation the schema explains: the column the database names is one the INSERT leaves out. When the
     * INSERT names the column, a made-up value (a sub-select finding no row) caused it.
     */
    private static boolean omitsRequiredColumn(Break broken) {
        if (broken.error().kind() != FailureKind.NOT_NULL_VIOLATION || broken.checked().references().isEmpty()) {
            return false;
        }
        SqlReferences insert = broken.checked().references().get();
        Optional<String> named = broken.error().namedColumn();
        if (insert.kind() != StatementKind.INSERT || insert.insertColumns().isEmpty() || named.isEmpty()) {
            return false;
        }
        return !insert.insertColumns().contains(named.get());
    }
}
