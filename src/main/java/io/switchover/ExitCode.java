package io.switchover;

/** The exit codes scripts rely on (DESIGN.md, "Command line"). */
public enum ExitCode {
    SAFE(0),
    UNSAFE(1),
    BAD_INPUT(2),
    INFRASTRUCTURE(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
