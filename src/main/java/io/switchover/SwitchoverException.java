package io.switchover;

/**
 * A failure that ends a run with its own exit code and a one-line message that tells the user what to do next (bad
 * input 2, unreachable infrastructure 3). The command line reports one other exception by its message alone: the
 * replay's {@code ReplayException}, a throwaway database that misbehaved (exit 3). Anything else that escapes is a bug
 * and is reported as such.
 */
public class SwitchoverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public SwitchoverException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public SwitchoverException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static SwitchoverException badInput(String message) {
        return new SwitchoverException(ExitCode.BAD_INPUT, message);
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
