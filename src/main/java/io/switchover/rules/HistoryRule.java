package io.switchover.rules;

import io.switchover.migrations.AppliedMigration;
import io.switchover.migrations.HistoryProblem;
import io.switchover.migrations.Migration;

import java.util.ArrayList;
import java.util.List;

/** A rule about production's history rather than about a break: one finding per problem of its kind. */
abstract class HistoryRule implements Rule {

    abstract HistoryProblem.Kind kind();

    abstract Finding finding(HistoryProblem problem, Evidence evidence);

    @Override
    public final List<Finding> check(Evidence evidence, Breaks breaks) {
        List<Finding> findings = new ArrayList<>();
        for (HistoryProblem problem : evidence.historyProblems()) {
            if (problem.kind() == kind()) {
                findings.add(finding(problem, evidence));
            }
        }
        return findings;
    }

    Finding finding(Severity severity, Migration migration, String message, String help) {
        return Finding.of(doc(), severity, migration, 0, 0, null, null, message, help, null);
    }

    /** The migration a history row stands for, when the candidate no longer has its file. */
    static Migration asMigration(AppliedMigration row) {
        return new Migration(row.version(), row.description(), row.script(), row.checksum(), row.script());
    }
}
