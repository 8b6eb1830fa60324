package io.switchover.cli;

import io.switchover.SwitchoverException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever ends a run, the exit code is one of the contract's and standard error gets one line: 2 for bad input, 3
 * for everything else, an Error such as a stack overflow or out of memory included, never 1, which means "unsafe".
 */
class ExitCodeContractTest {

    @Test
    void withoutACommandPrintsTheUsageAndExitsAsAUsageError() {
        CommandLineRun run = CommandLineRun.of();

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Usage: switchover"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void helpIsNotAnError() {
        CommandLineRun run = CommandLineRun.of("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Usage: switchover"), run.out());
    }

    @Test
    void aStackOverflowIsAnInternalErrorInOneLine() {
        String err = reported(new StackOverflowError(), 3);

        assertTrue(err.startsWith("switchover: internal error: stack overflow"), err);
    }

    @Test
    void runningOutOfMemorySaysHowToGiveMore() {
        String err = reported(new OutOfMemoryError("Java heap space"), 3);

        assertTrue(err.contains("out of memory") && err.contains("-Xmx"), err);
    }

    @Test
    void badInputFoundOnAnotherThreadIsStillBadInput() {
        SwitchoverException bad = SwitchoverException.badInput("snapshot x holds too many files");

        assertEquals("switchover: snapshot x holds too many files\n", reported(new CompletionException(bad), 2));
        assertEquals("switchover: snapshot x holds too many files\n",
                reported(new CompletionException(new ExecutionException(bad)), 2));
    }

    @Test
    void anErrorCarriedFromAnotherThreadIsNamedItself() {
        String err = reported(new CompletionException(new StackOverflowError()), 3);

        assertTrue(err.startsWith("switchover: internal error: stack overflow"), err);
    }

    @Test
    void anUnexpectedExceptionIsABugOfSwitchoverInOneLine() {
        String err = reported(new IllegalStateException("two\nlines"), 3);

        assertEquals("switchover: internal error: java.lang.IllegalStateException: two (this is a bug in switchover;"
                + " run again with --verbose for details)\n", err);
    }

    @Test
    void verbosePrintsTheTraceAfterTheLine() {
        StringWriter err = new StringWriter();
        Failure.of(new IllegalStateException("boom")).report(new PrintWriter(err), true);

        assertTrue(err.toString().lines().count() > 2, err.toString());
        assertTrue(err.toString().contains("at io.switchover.cli.ExitCodeContractTest"), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999s", "3651d", "0s", "0000m", "1y", "-1h", ""})
    void aLeftoverAgeOutOfBoundsIsBadInput(String age) {
        SwitchoverException e = assertThrows(SwitchoverException.class, () -> EngineArgument.age(age));

        assertEquals(2, e.exitCode().code());
        assertTrue(e.getMessage().startsWith("--leftover-age '" + age + "'"), e.getMessage());
    }

    @Test
    void aLeftoverAgeInBoundsIsParsed() {
        assertEquals(Duration.ofMinutes(30), EngineArgument.age("30m"));
        assertEquals(Duration.ofSeconds(5), EngineArgument.age("005s"));
        assertEquals(Duration.ofDays(3650), EngineArgument.age("3650d"));
    }

    @Test
    void aLeftoverAgeTooLongOnTheCommandLineIsOneLineAndExitTwo() {
        CommandLineRun run = CommandLineRun.of("check", "--prod", "sample-migrations/alice-to-brian/deploy-4",
                "--candidate", "sample-migrations/alice-to-brian/deploy-5", "--engine", "postgres", "--engine-url",
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", "--leftover-age", "99999999999999999999s");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(run.err().contains("NumberFormatException"), run.err());
    }

    private static String reported(Throwable thrown, int exitCode) {
        StringWriter err = new StringWriter();
        assertEquals(exitCode, Failure.of(thrown).report(new PrintWriter(err), false));
        assertEquals(1, err.toString().lines().count(), err.toString());
        return err.toString();
    }
}
