package io.switchover.replay;

/**
 * Undoes something a run made, exactly once: when the run is done with it ({@link #run()}), or from a shutdown hook
 * when the JVM exits first (Ctrl-C, SIGTERM). It is registered before the thing exists, so that a shutdown already
 * under way refuses to make it ({@link #register} throws) and one that begins while it is being made waits until it is
 * made ({@link #whileMaking}), then undoes it. The run's own {@link #run()} finishes before the hook would start, so
 * the two never undo the same thing at once.
 */
final class ExitCleanup {
    private final Runnable undo;
    private final Thread hook;
    private boolean done;

    private ExitCleanup(String name, Runnable undo) {
        this.undo = undo;
        this.hook = new Thread(this::runQuietly, name);
    }

    /**
     * @throws IllegalStateException when the JVM is already shutting down: make nothing then
     */
    static ExitCleanup register(String name, Runnable undo) {
        ExitCleanup cleanup = new ExitCleanup(name, undo);
        Runtime.getRuntime().addShutdownHook(cleanup.hook);
        return cleanup;
    }

    /** Makes the thing; a shutdown hook that starts meanwhile waits until {@code step} returns or fails. */
    <T, E extends Exception> T whileMaking(Step<T, E> step) throws E {
        synchronized (this) {
            return step.run();
        }
    }

    /** Undoes it now, unless that already happened; failures reach the caller. */
    void run() {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            try {
                undo.run();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to, and finds it done
                }
            }
        }
    }

    private void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            // exiting anyway; the next run removes what is left
        }
    }

    /** Something that makes what is to be undone. */
    @FunctionalInterface
    interface Step<T, E extends Exception> {
        T run() throws E;
    }
}
