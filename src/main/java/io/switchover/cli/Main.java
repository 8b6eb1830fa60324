package io.switchover.cli;

import io.switchover.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code switchover}: the entry point of the jar. */
@Command(name = "switchover",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Checks that a batch of Flyway migrations can be promoted while the production version of the"
                + " service keeps serving traffic.",
        subcommands = {CheckCommand.class, PlanCommand.class, PatternsCommand.class, RulesCommand.class, ExplainCommand.class,
                SnapshotProdCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        QuietLibraries.install(Arrays.asList(args).contains("--verbose"));
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command line with the given streams and returns the exit code, so that tests can run it as a user.
     * Whatever happens inside, the result is an exit code of the contract and, on failure, one line on {@code err}.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        try {
            return execute(out, err, args);
        } catch (Throwable e) {
            // Errors (out of memory, stack overflow) pass picocli's handler, which takes exceptions only.
            return Failure.of(e).report(err, verbose);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println("switchover: " + e.getMessage() + " (see 'switchover "
                    + (e.getCommandLine().getCommandName().equals("switchover") ? "" : e.getCommandLine().getCommandName() + " ")
                    + "--help')");
            return ExitCode.BAD_INPUT.code();
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> Failure.of(e).report(err,
                parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose")));
        return commandLine.execute(args);
    }

    /** {@code switchover} without a command: what to type, on standard error, and the exit code of a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT.code();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"switchover " + (version == null ? "(development build)" : version)};
        }
    }
}
