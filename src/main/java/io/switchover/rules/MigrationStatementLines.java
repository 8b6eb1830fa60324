package io.switchover.rules;

import io.switchover.mentions.ChangedObject;
import io.switchover.migrations.DdlChange;
import io.switchover.migrations.LocatedChange;

/** The line of the batch statement that made a change the catalog shows, where the migration's text says it. */
final class MigrationStatementLines {

    private MigrationStatementLines() {
    }

    static int of(Evidence evidence, ChangedObject object) {
        return find(evidence, object).map(LocatedChange::line).orElse(0);
    }

    /** "drops" or "renames" as the statement says, where it does; else what the catalog saw: gone under its name. */
    static String verb(Evidence evidence, ChangedObject object) {
        if (object.change() != ChangedObject.Change.REMOVED) {
            return object.change().verb();
        }
        return find(evidence, object).map(located -> located.change() instanceof DdlChange.RenameColumn
                || located.change() instanceof DdlChange.RenameTable ? "renames" : "drops")
                .orElse(object.change().verb());
    }

    private static java.util.Optional<LocatedChange> find(Evidence evidence, ChangedObject object) {
        return evidence.changes().located().stream()
                .filter(located -> located.step() == object.step() && makes(located.change(), object))
                .findFirst();
    }

    private static boolean makes(DdlChange change, ChangedObject object) {
        String name = object.name();
        return switch (object.kind()) {
            case TABLE, VIEW -> change instanceof DdlChange.DropTable drop && drop.table().equals(name)
                    || change instanceof DdlChange.RenameTable rename && rename.table().equals(name);
            case COLUMN -> change.table().equals(object.owner()) && switch (object.change()) {
                case REMOVED -> change instanceof DdlChange.DropColumn drop && drop.column().equals(name)
                        || change instanceof DdlChange.RenameColumn rename && rename.from().equals(name);
                case BECOMES_NOT_NULL -> change instanceof DdlChange.SetNotNull set && set.column().equals(name);
                case LOSES_DEFAULT -> change instanceof DdlChange.DropDefault drop && drop.column().equals(name);
                case TYPE_CHANGED -> change instanceof DdlChange.AlterColumnType type && type.column().equals(name);
                case REQUIRED -> change instanceof DdlChange.AddColumn add && add.column().equals(name)
                        || change instanceof DdlChange.SetNotNull set && set.column().equals(name);
            };
            default -> false;
        };
    }
}
