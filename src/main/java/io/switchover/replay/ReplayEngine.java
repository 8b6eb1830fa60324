package io.switchover.replay;

/** Creates throwaway databases of one kind. */
public interface ReplayEngine {

    /** The id used on the command line, e.g. {@code h2}. */
    String id();

    ReplayDatabase create();
}
