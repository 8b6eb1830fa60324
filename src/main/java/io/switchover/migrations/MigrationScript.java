package io.switchover.migrations;

import java.util.List;

/**
 * A batch migration read statement by statement, for the rules that look at what a migration says rather than at
 * what it did to the schema.
 *
 * @param step             its 1-based place in the batch
 * @param fileSuppressions {@code switchover:allow-file} comments anywhere in it
 */
public record MigrationScript(Migration migration, int step, List<MigrationStatement> statements,
                              List<Suppression> fileSuppressions) {

    /** Every suppression the script holds, file-wide ones first. */
    public List<Suppression> suppressions() {
        return java.util.stream.Stream.concat(fileSuppressions.stream(),
                statements.stream().flatMap(s -> s.suppressions().stream())).toList();
    }
}
