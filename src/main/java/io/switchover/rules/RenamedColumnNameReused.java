package io.switchover.rules;

import io.switchover.migrations.DdlChange.AddColumn;
import io.switchover.migrations.DdlChange.RenameColumn;
import io.switchover.migrations.LocatedChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The batch renames a column and adds a new one under the old name: the old version's statements resolve at every
 * state, so no probe fails, but they now read NULLs (or the default) and write where the new version does not look.
 */
@RuleId("renamed-column-name-reused")
public final class RenamedColumnNameReused implements Rule {
    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        List<LocatedChange> changes = evidence.changes().located();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (!(changes.get(i).change() instanceof RenameColumn rename)) {
                continue;
            }
            for (LocatedChange later : changes.subList(i + 1, changes.size())) {
                if (later.change() instanceof AddColumn add && add.table().equals(rename.table())
                        && add.column().equals(rename.from())) {
                    findings.addAll(findings(evidence, changes.get(i), rename, later));
                    break;
                }
            }
        }
        return findings;
    }

    private List<Finding> findings(Evidence evidence, LocatedChange renamed, RenameColumn rename, LocatedChange added) {
        List<Finding> findings = new ArrayList<>();
        String column = rename.table() + "." + rename.from();
        for (CheckedStatement statement : evidence.statements()) {
            if (!statement.isRunning() || statement.references().isEmpty()) {
                continue;
            }
            Set<String> named = statement.references().get().columns().getOrDefault(rename.table(), Set.of());
            if (!named.contains(rename.from())) {
                continue;
            }
            boolean writes = OldWrites.writes(statement, rename.table(), rename.from());
            String where = renamed.migration().equals(added.migration()) ? renamed.scriptName()
                    : renamed.scriptName() + " and " + added.scriptName();
            String message = where + " rename " + column + " to " + rename.to() + " and add a new " + column
                    + ": " + statement.issuer().label() + " still " + (writes ? "writes" : "reads") + " " + column
                    + ", which now " + (writes ? "takes its values while " + rename.to() + " gets none"
                    : "holds NULL (or its default) for every existing row instead of the values " + rename.to()
                    + " now holds");
            findings.addAll(Findings.forStatement(doc(), doc().severity(), added.migration(), added.step(), added.line(),
                    statement, message, "give the new column a name no running version uses, and rename or drop "
                            + column + " only once no version that uses it serves traffic", null));
        }
        return findings;
    }
}
