package io.switchover.migrations;

/**
 * A {@code -- switchover:allow <rule-id> <reason>} comment in a migration: the team accepts that finding for the
 * statement that follows, or for the whole file with {@code switchover:allow-file}.
 *
 * @param line the comment's line in the migration
 */
public record Suppression(String rule, String reason, String script, int line, boolean wholeFile) {

    @Override
    public String toString() {
        return script + ":" + line + " switchover:" + (wholeFile ? "allow-file " : "allow ") + rule;
    }
}
