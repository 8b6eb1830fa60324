package io.switchover.rules;

import java.util.Optional;

/** The catch-all: an old statement that worked at S0 fails after a batch migration, for a reason no rule names. */
@RuleId("old-statement-fails")
@Claims(specificity = Claims.Specificity.ANY)
public final class OldStatementFails extends BreakRule {
    @Override
    Optional<Explanation> explain(Break broken, Evidence evidence) {
        String script = broken.state().migration().script();
        return Optional.of(new Explanation(script + " breaks a statement that " + broken.checked().issuer().label() + " issues",
                "promote " + script + " only once no running version issues this statement"));
    }
}
