package io.switchover.rules;

import io.switchover.migrations.DdlChange.AddConstraint;
import io.switchover.migrations.DdlChange.ConstraintKind;
import io.switchover.migrations.DdlChange.CreateIndex;
import io.switchover.migrations.LocatedChange;
import io.switchover.timeline.SchemaCatalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The batch adds a UNIQUE, PRIMARY KEY, CHECK or FOREIGN KEY constraint (or a unique index) on columns the old
 * service writes. Nothing in the old code knows about the constraint, so a write it rejects fails until the new
 * version runs. Probes cannot show it (they run on empty tables, foreign-key checks off), so the migration is read.
 */
@RuleId("new-constraint-may-reject-old-writes")
public final class NewConstraintMayRejectOldWrites implements Rule {
    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        List<Finding> findings = new ArrayList<>();
        SchemaCatalog production = evidence.timeline().initial().catalog();
        for (LocatedChange located : evidence.changes().located()) {
            Constraint constraint;
            if (located.change() instanceof AddConstraint add && !add.usingIndex()) {
                constraint = new Constraint(add.kind(), add.definition(), add.table(), add.columns());
            } else if (located.change() instanceof CreateIndex index && index.unique()) {
                constraint = new Constraint(ConstraintKind.UNIQUE, "UNIQUE INDEX "
                        + (index.name() == null ? "" : index.name() + " ") + "(" + String.join(", ", index.columns())
                        + ")", index.table(), index.columns());
            } else {
                continue;
            }
            // A key over the columns of one production already has, and more, rejects no write that one let through.
            if ((constraint.kind() == ConstraintKind.UNIQUE || constraint.kind() == ConstraintKind.PRIMARY_KEY)
                    && evidence.timeline().productionKeys().covers(constraint.table(), constraint.columns())) {
                continue;
            }
            // A table or column the batch creates is written by no old statement.
            List<String> columns = constraint.columns().stream()
                    .filter(c -> production.column(constraint.table(), c).isPresent()).toList();
            if (columns.isEmpty()) {
                continue;
            }
            for (CheckedStatement statement : evidence.statements()) {
                List<String> written = columns.stream()
                        .filter(c -> statement.isRunning() && OldWrites.writes(statement, constraint.table(), c))
                        .map(c -> constraint.table() + "." + c)
                        .toList();
                if (!written.isEmpty()) {
                    findings.addAll(Findings.forStatement(doc(), doc().severity(), located.migration(), located.step(),
                            located.line(), statement, message(located, constraint, statement, written),
                            help(constraint), null));
                }
            }
        }
        return findings;
    }

    private record Constraint(ConstraintKind kind, String definition, String table, List<String> columns) {
    }

    private static String message(LocatedChange located, Constraint constraint, CheckedStatement statement,
                                  List<String> written) {
        return located.scriptName() + " adds " + constraint.definition() + " on " + constraint.table() + ", and "
                + statement.issuer().label() + " still writes " + String.join(", ", written)
                + ": a write the constraint rejects fails";
    }

    private static String help(Constraint constraint) {
        String guarantee = switch (constraint.kind()) {
            case UNIQUE, PRIMARY_KEY -> "never writes duplicates";
            case CHECK -> "only writes values the check accepts";
            case FOREIGN_KEY -> "only writes references to existing rows";
        };
        return "add it once a version that " + guarantee + " runs in production, or make sure the running version"
                + " already does";
    }
}
