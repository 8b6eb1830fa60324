package io.switchover.patterns.stringtemplate;

/** A template that cannot be rendered from the source; the message says why, for the report. */
final class Unrenderable extends Exception {
    private static final long serialVersionUID = 1L;

    Unrenderable(String reason) {
        super(reason, null, false, false);
    }
}
