package io.switchover.cli;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.check.CheckRequest;
import io.switchover.check.SwitchoverCheck;
import io.switchover.report.Report;
import io.switchover.report.ReportFormat;
import io.switchover.report.TextReportWriter;
import io.switchover.report.Verdict;
import io.switchover.rules.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchover check}: the gate. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
                "Replays the candidate's batch of migrations one at a time on a throwaway database and runs the",
                "production version's SQL against every intermediate schema.",
                "",
                "Exit codes: 0 safe to promote, 1 unsafe, 2 bad input or usage, 3 infrastructure failure."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--prod", required = true, paramLabel = "<snapshot>",
            description = "What runs in production: a directory (its migrations are all applied, its code serves traffic).")
    String production;

    @Option(names = "--candidate", required = true, paramLabel = "<snapshot>",
            description = "What is about to be promoted: a directory.")
    String candidate;

    @Option(names = "--migrations", paramLabel = "<path>",
            description = "Flyway location relative to the snapshot root (repeatable). Default: db/migration or"
                    + " src/main/resources/db/migration.")
    List<String> migrations = new ArrayList<>();

    @Option(names = "--sources", paramLabel = "<path>",
            description = "The service's source root relative to the snapshot root (repeatable). Default: the whole"
                    + " snapshot outside the migration folders.")
    List<String> sources = new ArrayList<>();

    @Mixin
    EngineOptions engine;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            description = "Report format: text or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--output", paramLabel = "<file>",
            description = "Write the report to this file; standard output then gets the verdict line only.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "<severity>", defaultValue = "error",
            description = "Lowest severity that fails the promotion: error or warning. Default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    @Override
    public Integer call() {
        ReportFormat reportFormat = ReportFormat.parse(format);
        Severity threshold = parseSeverity(failOn);
        CheckRequest request = new CheckRequest(
                SnapshotArgument.open(production, "--prod"),
                SnapshotArgument.open(candidate, "--candidate"),
                migrations, sources, engine.open(null), threshold);
        Report report = new SwitchoverCheck().run(request);
        String rendered = reportFormat.writer().render(report);
        if (output != null) {
            write(output, rendered);
            String text = new TextReportWriter().render(report);
            spec.commandLine().getOut().println(text.lines().findFirst().orElse("") + "  (report: " + output + ")");
        } else {
            spec.commandLine().getOut().print(rendered);
        }
        spec.commandLine().getOut().flush();
        return (report.verdict() == Verdict.FAIL ? ExitCode.UNSAFE : ExitCode.SAFE).code();
    }

    private static Severity parseSeverity(String value) {
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw SwitchoverException.badInput("--fail-on: " + e.getMessage());
        }
    }

    private static void write(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot write the report to " + file + ": " + e.getMessage());
        }
    }
}
