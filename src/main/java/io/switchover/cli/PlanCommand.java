package io.switchover.cli;

import io.switchover.ExitCode;
import io.switchover.report.PlanText;
import io.switchover.report.Report;
import picocli.CommandLine.Command;

/** {@code switchover plan}: the promotion plan alone, through the versions recorded between production's and the candidate. */
@Command(name = "plan",
        mixinStandardHelpOptions = true,
        description = {
                "Replays the batch once and finds the fewest safe promotions through the versions recorded between"
                        + " production's and the candidate (--states, default: the commits between them), or what must"
                        + " wait for which version.",
                "",
                "Exit codes: 0 a safe sequence reaches the candidate, 1 none does, 2 bad input, 3 infrastructure."})
final class PlanCommand extends CheckCommand {

    @Override
    public Integer call() {
        Report report = report(states == null ? "commits" : states);
        String rendered = PlanText.render(report.plan().orElseThrow());
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
        return (report.plan().get().complete() ? ExitCode.SAFE : ExitCode.UNSAFE).code();
    }
}
