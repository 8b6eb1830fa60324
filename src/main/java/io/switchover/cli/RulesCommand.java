package io.switchover.cli;

import io.switchover.rules.Rule;
import io.switchover.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code switchover rules}: the catalogue, one rule a line. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Lists every rule: id, default severity and title. 'switchover explain <id>' prints its doc.")
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = RuleSet.standard().rules().stream().mapToInt(r -> r.id().length()).max().orElse(10);
        for (Rule rule : RuleSet.standard().rules()) {
            out.printf("%-" + width + "s  %-7s  %s%n", rule.id(), rule.doc().severity().label(), rule.doc().title());
        }
        out.flush();
        return 0;
    }
}
