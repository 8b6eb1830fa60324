package io.switchover.migrations;

/** One change a batch migration says it makes, with the statement (and so the line) that says it. */
public record LocatedChange(MigrationScript script, MigrationStatement statement, DdlChange change) {

    /** The migration's 1-based place in the batch. */
    public int step() {
        return script.step();
    }

    public int line() {
        return statement.line();
    }

    public Migration migration() {
        return script.migration();
    }

    public String scriptName() {
        return script.migration().script();
    }
}
