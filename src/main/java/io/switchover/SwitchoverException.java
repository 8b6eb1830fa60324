package io.switchover;

/**
 * The one exception type that reaches the command line: it carries the exit code and a one-line message that tells
 * the user what to do next. Anything else that escapes is a bug and is reported as such.
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
