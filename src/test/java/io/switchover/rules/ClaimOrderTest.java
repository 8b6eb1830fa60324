package io.switchover.rules;

import io.switchover.timeline.FailureKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which rule explains a break is declared by the rules, not given by the order of the rule set's list. */
class ClaimOrderTest {

    @Test
    void rulesClaimInTheSameOrderWhateverTheOrderOfTheList() {
        List<Rule> reversed = new ArrayList<>(RuleSet.standard().rules());
        Collections.reverse(reversed);
        List<Rule> shuffled = new ArrayList<>(RuleSet.standard().rules());
        Collections.shuffle(shuffled, new java.util.Random(7));

        List<String> expected = claimingIds(RuleSet.standard());
        assertEquals(expected, claimingIds(RuleSet.of(reversed)));
        assertEquals(expected, claimingIds(RuleSet.of(shuffled)));
        assertEquals(List.of("expand-and-contract-in-one-batch", "renamed-column-still-used",
                "renamed-table-still-used", "dropped-column-still-used", "dropped-table-still-used",
                "dropped-default-still-relied-on", "insert-omits-not-null-column", "null-written-to-not-null-column",
                "type-change-may-not-fit", "select-star-or-positional-insert", "candidate-statement-fails",
                "statement-not-checkable", "old-statement-fails"), expected);
    }

    @Test
    void rulesOfOneSpecificityExplainDisjointFailures() {
        List<Rule> claiming = RuleSet.standard().rules().stream()
                .filter(rule -> rule.getClass().isAnnotationPresent(Claims.class)).toList();
        for (int i = 0; i < claiming.size(); i++) {
            for (Rule other : claiming.subList(i + 1, claiming.size())) {
                Claims a = claiming.get(i).getClass().getAnnotation(Claims.class);
                Claims b = other.getClass().getAnnotation(Claims.class);
                if (a.specificity() == b.specificity()) {
                    Set<FailureKind> shared = kinds(a);
                    shared.retainAll(kinds(b));
                    assertTrue(shared.isEmpty(), claiming.get(i).id() + " and " + other.id() + " both explain "
                            + shared + " at " + a.specificity());
                }
            }
        }
        assertFalse(claiming.isEmpty());
    }

    @Test
    void everyRuleThatExplainsBreaksDeclaresWhatItClaims() {
        for (Rule rule : RuleSet.standard().rules()) {
            if (rule instanceof BreakRule) {
                assertTrue(rule.getClass().isAnnotationPresent(Claims.class), rule.id());
            }
        }
    }

    private static List<String> claimingIds(RuleSet rules) {
        return rules.inClaimOrder().stream().filter(rule -> rule.getClass().isAnnotationPresent(Claims.class))
                .map(Rule::id).toList();
    }

    private static Set<FailureKind> kinds(Claims claims) {
        return claims.value().length == 0 ? EnumSet.allOf(FailureKind.class) : EnumSet.of(claims.value()[0],
                claims.value());
    }
}
