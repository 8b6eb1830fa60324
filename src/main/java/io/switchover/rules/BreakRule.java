package io.switchover.rules;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.timeline.FailureKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A rule that explains breaks of old statements: it looks at each break no rule has explained yet, and claims the ones
 * it can explain, giving one finding per place in the code that issues the statement.
 */
abstract class BreakRule implements Rule {

    /**
     * What a rule says about one break.
     *
     * @param line the line of the migration statement that caused it, 0 when not known
     */
    record Explanation(String message, String help, int line) {
        Explanation(String message, String help) {
            this(message, help, 0);
        }
    }

    /** The explanation of this break, or empty when it is not this rule's kind of break. */
    abstract Optional<Explanation> explain(Break broken, Evidence evidence);

    @Override
    public final List<Finding> check(Evidence evidence, Breaks breaks) {
        List<Finding> findings = new ArrayList<>();
        Set<FailureKind> kinds = explained();
        for (Break broken : breaks.open()) {
            if (!kinds.isEmpty() && !kinds.contains(broken.error().kind())) {
                continue;
            }
            Optional<Explanation> explanation = explain(broken, evidence);
            if (explanation.isPresent()) {
                findings.addAll(Findings.forBreak(doc(), broken, places(broken), explanation.get().message(),
                        explanation.get().help(), explanation.get().line()));
                breaks.claim(broken);
            }
        }
        return findings;
    }

    /** The failures this rule's {@link Claims} names; empty for every kind. */
    private Set<FailureKind> explained() {
        Claims claims = getClass().getAnnotation(Claims.class);
        if (claims == null) {
            throw new IllegalStateException(getClass().getName() + " explains breaks but declares no @Claims");
        }
        return Set.of(claims.value());
    }

    /** The places in the code a finding goes to: by default every place that issues the statement. */
    List<AccessPattern> places(Break broken) {
        return broken.checked().patterns();
    }

    /**
     * The explanation of a break caused by something the migration removed: the removed names the statement uses, or
     * a general word for them when the catalog diff does not say.
     *
     * @param line the line of the statement that removed them, or 0
     */
    static Explanation removed(Break broken, List<String> names, String kind, int line) {
        String script = broken.state().migration().script();
        String named = String.join(", ", names);
        String message = names.isEmpty()
                ? script + " removes a " + kind + " that the old statement " + Findings.verb(broken.checked())
                : script + " drops " + named + ", which " + broken.checked().issuer().label() + " still "
                + Findings.verb(broken.checked());
        String help = "drop " + (names.isEmpty() ? "the " + kind : named)
                + " only once no version that uses it serves traffic: promote " + script + " in a later deployment";
        return new Explanation(message, help, line);
    }
}
