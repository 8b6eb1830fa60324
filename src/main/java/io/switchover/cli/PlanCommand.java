package io.switchover.cli;

import io.switchover.ExitCode;
import io.switchover.report.PlanText;
import io.switchover.report.Report;
import io.switchover.report.Verdict;
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
        if (report.plan().isEmpty()) {
            // No commit between the two changes what is checked: the one promotion is the check's.
            boolean safe = report.verdict() != Verdict.FAIL;
            spec.commandLine().getOut().println("No version is recorded between " + report.production() + " and "
                    + report.candidate() + " that changes what is checked: the plan is one promotion, which "
                    + (safe ? "is safe: promote the candidate as it is." : "is not safe: 'switchover check' says why."));
            spec.commandLine().getOut().flush();
            return (safe ? ExitCode.SAFE : ExitCode.UNSAFE).code();
        }
        String rendered = PlanText.render(report.plan().orElseThrow());
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
        return (report.plan().get().complete() ? ExitCode.SAFE : ExitCode.UNSAFE).code();
    }
}
