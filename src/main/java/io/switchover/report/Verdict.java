package io.switchover.report;

/** The answer for the whole promotion. */
public enum Verdict {
    PASS,
    WARN,
    FAIL
}
