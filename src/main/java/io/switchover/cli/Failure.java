package io.switchover.cli;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.replay.ReplayException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What the command line says about anything that ends a run early: one line on standard error and an exit code of the
 * contract. Bad input is 2; everything else, a defect of switchover or a machine out of memory or stack included,
 * is 3, never 1, which means "unsafe" to a pipeline.
 */
final class Failure {
    private final Throwable cause;

    private Failure(Throwable thrown) {
        this.cause = unwrapped(thrown);
    }

    static Failure of(Throwable thrown) {
        return new Failure(thrown);
    }

    ExitCode exitCode() {
        if (cause instanceof SwitchoverException switchover) {
            return switchover.exitCode();
        }
        return ExitCode.INFRASTRUCTURE;
    }

    /** The one line, without the {@code switchover: } prefix. */
    String line() {
        if (cause instanceof SwitchoverException || cause instanceof ReplayException) {
            return firstLine(cause.getMessage());
        }
        if (cause instanceof OutOfMemoryError) {
            return "out of memory (the JVM may use " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB); run it with more, e.g. java -Xmx2g -jar switchover.jar, and report the input that needed"
                    + " it";
        }
        if (cause instanceof StackOverflowError) {
            return "internal error: stack overflow (this is a bug in switchover: an input nested deeper than it"
                    + " bounds; run again with --verbose and report the trace)";
        }
        return "internal error: " + firstLine(String.valueOf(cause))
                + " (this is a bug in switchover; run again with --verbose for details)";
    }

    /** Prints the line, and the trace when asked for; returns the exit code. */
    int report(PrintWriter err, boolean verbose) {
        err.println("switchover: " + line());
        if (verbose) {
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return exitCode().code();
    }

    /**
     * The failure itself rather than what carried it from another thread: a bad input found while the service's
     * files were read on another core is still bad input.
     */
    private static Throwable unwrapped(Throwable thrown) {
        Throwable current = thrown;
        for (int i = 0; i < 20 && current.getCause() != null && isCarrier(current); i++) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isCarrier(Throwable thrown) {
        return thrown instanceof CompletionException || thrown instanceof ExecutionException
                || thrown instanceof InvocationTargetException
                || (thrown.getClass() == RuntimeException.class && thrown.getCause() instanceof SwitchoverException);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        return message.lines().findFirst().orElse("").strip();
    }
}
