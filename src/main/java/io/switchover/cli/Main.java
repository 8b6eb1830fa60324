package io.switchover.cli;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.replay.ReplayException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;

/** {@code switchover}: the entry point of the jar. */
@Command(name = "switchover",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Checks that a batch of Flyway migrations can be promoted while the production version of the"
                + " service keeps serving traffic.",
        subcommands = {CheckCommand.class, PatternsCommand.class, RulesCommand.class, ExplainCommand.class,
                SnapshotProdCommand.class, HookCommand.class, AutoComplete.GenerateCompletion.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams and returns the exit code, so that tests can run it as a user. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println("switchover: " + e.getMessage() + " (see 'switchover "
                    + (e.getCommandLine().getCommandName().equals("switchover") ? "" : e.getCommandLine().getCommandName() + " ")
                    + "--help')");
            return ExitCode.BAD_INPUT.code();
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            boolean verbose = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose");
            err.println("switchover: " + oneLine(e));
            if (verbose) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                err.print(trace);
            }
            err.flush();
            return exitCodeOf(e).code();
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static ExitCode exitCodeOf(Exception e) {
        if (e instanceof SwitchoverException switchover) {
            return switchover.exitCode();
        }
        return ExitCode.INFRASTRUCTURE;
    }

    private static String oneLine(Exception e) {
        if (e instanceof SwitchoverException || e instanceof ReplayException) {
            return e.getMessage();
        }
        return "internal error: " + e + " (this is a bug in switchover; run again with --verbose for details)";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"switchover " + (version == null ? "(development build)" : version)};
        }
    }
}
