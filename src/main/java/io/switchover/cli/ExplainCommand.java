package io.switchover.cli;

import io.switchover.SwitchoverException;
import io.switchover.rules.Rule;
import io.switchover.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code switchover explain <id>}: a rule's documentation, as shipped in the jar. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Prints a rule's documentation: what breaks, an unsafe example, the safe sequence, detection,"
                + " suppression.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<rule-id>", description = "A rule id, as 'switchover rules' lists them.")
    String id;

    @Override
    public Integer call() {
        Rule rule = RuleSet.standard().rules().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> SwitchoverException.badInput("no rule '" + id + "'; 'switchover rules' lists them"));
        spec.commandLine().getOut().println("severity: " + rule.doc().severity().label() + ", category: "
                + rule.doc().category() + "\n");
        spec.commandLine().getOut().print(rule.doc().markdown());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
