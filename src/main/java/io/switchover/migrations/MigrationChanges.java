package io.switchover.migrations;

import java.util.ArrayList;
import java.util.List;

/**
 * One batch migration read once into what it changes: each change its statements say they make, at its line (for the
 * rules), and what of the schema it can change at all (for the replay, which probes again only what a step reaches).
 */
public record MigrationChanges(MigrationScript script, List<LocatedChange> changes, MigrationEffects effects) {

    static MigrationChanges of(MigrationScript script) {
        List<LocatedChange> changes = new ArrayList<>();
        for (MigrationStatement statement : script.statements()) {
            for (DdlChange change : StatementChanges.read(statement.sql())) {
                changes.add(new LocatedChange(script, statement, change));
            }
        }
        // A class that runs (a Java migration from the artifact) may change anything, whatever its source says.
        MigrationEffects effects = script.migration().replay() instanceof Migration.Replay.FromClass
                ? MigrationEffects.anything() : MigrationEffects.of(script.statements());
        return new MigrationChanges(script, List.copyOf(changes), effects);
    }

    public Migration migration() {
        return script.migration();
    }
}
