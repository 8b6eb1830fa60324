package io.switchover.rules;

import io.switchover.timeline.MigrationFailure;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a migration that PostgreSQL refused as {@code cannot run inside a transaction block} fails, and the fix:
 * Flyway runs every migration in a transaction unless it detects a statement that cannot run in one (it knows
 * {@code CREATE INDEX CONCURRENTLY} and {@code DROP INDEX CONCURRENTLY}, not {@code REINDEX ... CONCURRENTLY} or
 * {@code DETACH PARTITION ... CONCURRENTLY}) or the script's configuration says {@code executeInTransaction=false};
 * and it refuses a migration that mixes both kinds unless {@code mixed} is on.
 */
final class OutsideTransactionAdvice {
    private static final Pattern IN_BLOCK = Pattern.compile("(?i)^(.*?) cannot run inside a transaction block");
    private static final Pattern MIXED = Pattern.compile("(?i)Detected both transactional and non-transactional"
            + " statements.*?line (\\d+): (.*?) \\[non-transactional]");

    /** A reason to add to the finding's message, and the help that replaces the generic one. */
    record Advice(String reason, String help) {
    }

    private OutsideTransactionAdvice() {
    }

    static Optional<Advice> of(MigrationFailure failure) {
        String message = failure.message() == null ? "" : failure.message();
        String script = failure.migration().script();
        Matcher inBlock = IN_BLOCK.matcher(message);
        if ("25001".equals(failure.sqlState()) || inBlock.find()) {
            String statement = inBlock.find(0) ? inBlock.group(1) : "the statement";
            return Optional.of(new Advice("Flyway ran " + script + " inside a transaction, as it runs every"
                    + " migration unless told otherwise, and " + statement + " cannot run in one",
                    "give " + statement + " a migration of its own with executeInTransaction=false in its script"
                            + " configuration (a file " + script + ".conf beside it), so that Flyway runs it outside"
                            + " a transaction"));
        }
        Matcher mixed = MIXED.matcher(message);
        if (mixed.find()) {
            return Optional.of(new Advice("Flyway cannot run the non-transactional " + mixed.group(2).strip()
                    + " (line " + mixed.group(1) + ") in the transaction of the rest of " + script,
                    "move it into a migration of its own, which Flyway then runs outside a transaction (set"
                            + " executeInTransaction=false in its " + "script configuration where Flyway does not"
                            + " detect it)"));
        }
        return Optional.empty();
    }
}
