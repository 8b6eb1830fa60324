package io.switchover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every run of the command line keeps to, whatever its input (README, "Exit codes"). */
final class ExitCodeContract {
    private ExitCodeContract() {
    }

    /**
     * 0 or 1 with a report, or 2 with one line on standard error saying what to fix; never a stack trace, and never 3
     * where no database or endpoint is involved: a 3 would be switchover failing on its input.
     */
    static void assertKept(CommandLineRun run) {
        String context = "exit " + run.exitCode() + "\nstderr: " + run.err() + "\nstdout: " + run.out();
        assertTrue(run.exitCode() >= 0 && run.exitCode() <= 2, context);
        assertFalse(run.err().contains("\tat ") || run.out().contains("\tat "), "a stack trace: " + context);
        assertFalse(run.err().contains("Exception") || run.err().contains("Error:"), context);
        if (run.exitCode() == 2) {
            assertEquals(1, run.err().lines().count(), "one line: " + context);
            assertTrue(run.err().startsWith("switchover: "), context);
        } else {
            assertEquals("", run.err(), context);
            assertTrue(run.out().startsWith("PASS") || run.out().startsWith("WARN") || run.out().startsWith("FAIL"),
                    context);
        }
    }
}
