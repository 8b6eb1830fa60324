package io.switchover.replay;

/** The replay database misbehaved: an infrastructure failure, not a finding. */
public final class ReplayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
