package io.switchover.cli;

import io.switchover.rules.Rule;
import io.switchover.rules.RuleSet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesCommandTest {

    @Test
    void listsEveryRuleWithSeverityAndTitle() {
        CommandLineRun run = CommandLineRun.of("rules");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(RuleSet.standard().rules().size(), run.out().lines().count(), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("dropped-column-still-used +error +Old code still uses a"
                + " column the batch drops")), run.out());
    }

    @Test
    void explainsEveryRuleFromItsDoc() {
        for (Rule rule : RuleSet.standard().rules()) {
            CommandLineRun run = CommandLineRun.of("explain", rule.id());

            assertEquals(0, run.exitCode(), rule.id() + ": " + run.err());
            assertTrue(run.out().contains("# " + rule.id()), run.out());
            assertTrue(run.out().contains("## What breaks during switch-over"), run.out());
        }
    }

    @Test
    void rejectsAnUnknownRule() {
        CommandLineRun run = CommandLineRun.of("explain", "drop-everything");

        assertEquals(2, run.exitCode());
        assertEquals("switchover: no rule 'drop-everything'; 'switchover rules' lists them", run.err().strip());
    }
}
