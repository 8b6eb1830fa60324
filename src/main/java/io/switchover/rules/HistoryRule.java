package io.switchover.rules;

import io.switchover.migrations.AppliedMigration;
import io.switchover.migrations.HistoryProblem;
import io.switchover.migrations.Migration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule about production's history rather than about a break: one finding per problem of the kind its class reads
 * ({@link Reads}).
 */
abstract class HistoryRule implements Rule {

    /** The kind of history problem a history rule reports. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Reads {
        HistoryProblem.Kind value();
    }

    abstract Finding finding(HistoryProblem problem, Evidence evidence);

    @Override
    public final List<Finding> check(Evidence evidence, Breaks breaks) {
        HistoryProblem.Kind kind = getClass().getAnnotation(Reads.class).value();
        List<Finding> findings = new ArrayList<>();
        for (HistoryProblem problem : evidence.historyProblems()) {
            if (problem.kind() == kind) {
                findings.add(finding(problem, evidence));
            }
        }
        return findings;
    }

    /** A finding at the rule's own severity. */
    Finding finding(Migration migration, String message, String help) {
        return finding(doc().severity(), migration, message, help);
    }

    Finding finding(Severity severity, Migration migration, String message, String help) {
        return Finding.of(doc(), severity, migration, 0, 0, null, null, message, help, null);
    }

    /** The migration a history row stands for, when the candidate no longer has its file. */
    static Migration asMigration(AppliedMigration row) {
        return new Migration(row.version(), row.description(), row.script(), row.checksum(), row.script());
    }
}
