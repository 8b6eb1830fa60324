package io.switchover.plan;

import io.switchover.patterns.model.ColumnRead;
import io.switchover.patterns.model.ServiceVersion;
import io.switchover.rules.CheckedStatement;
import io.switchover.rules.DataCopies;
import io.switchover.rules.Evidence;
import io.switchover.sql.OneLine;
import io.switchover.timeline.ProbeOutcome;
import io.switchover.timeline.SchemaState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether each recorded version works at each state of the one replay: its statements that run where it is deployed
 * (S<sub>needs</sub>) run at S<sub>k</sub> too, its reads by name still find their columns, and while a step copies
 * data it writes the copy's target wherever it writes the source. The other services on the database, never promoted,
 * must work at every state.
 */
final class WorkMatrix {
    private static final int SQL_WIDTH = 70;

    private final Evidence evidence;
    private final Map<ServiceVersion, List<CheckedStatement>> byVersion = new HashMap<>();
    private final List<CheckedStatement> others = new ArrayList<>();
    private final List<DataCopies.Copy> copies;

    WorkMatrix(Evidence evidence, String promoted) {
        this.evidence = evidence;
        for (CheckedStatement statement : evidence.statements()) {
            ServiceVersion issuer = statement.issuer();
            if (issuer.service().equals(promoted)) {
                byVersion.computeIfAbsent(issuer, k -> new ArrayList<>()).add(statement);
            } else if (statement.isRunning()) {
                others.add(statement);
            }
        }
        this.copies = DataCopies.of(evidence.changes());
    }

    /** The last state the replay reached. */
    int lastState() {
        return evidence.timeline().states().size() - 1;
    }

    /** Why the version does not work at state {@code k}, or empty when it does. */
    Optional<String> breaks(PlanVersion version, int k) {
        List<SchemaState> states = evidence.timeline().states();
        int reference = Math.min(version.needs(), lastState());
        for (CheckedStatement statement : byVersion.getOrDefault(version.issuer(), List.of())) {
            ProbeOutcome where = states.get(reference).outcomes().get(statement.probe());
            if (!where.passed()) {
                continue; // does not run where this version is deployed: the plan cannot judge it
            }
            Optional<String> broken = breaks(version.name(), statement, where, k);
            if (broken.isPresent()) {
                return broken;
            }
        }
        return Optional.empty();
    }

    /**
     * Why the version fails where it is deployed: a statement of it that runs at some state of the replay fails at its
     * own (a deployment that broke in the test environment and that the next one fixed); empty when it works there.
     */
    Optional<String> brokenWhereDeployed(PlanVersion version) {
        List<SchemaState> states = evidence.timeline().states();
        int own = Math.min(version.needs(), lastState());
        for (CheckedStatement statement : byVersion.getOrDefault(version.issuer(), List.of())) {
            ProbeOutcome there = states.get(own).outcomes().get(statement.probe());
            boolean runsSomewhere = states.stream().anyMatch(s -> s.outcomes().get(statement.probe()).passed());
            if (!there.passed() && runsSomewhere) {
                return Optional.of(version.name() + " itself fails where it is deployed: its "
                        + shortened(statement.sql()) + " (" + statement.patterns().get(0).origin() + ") "
                        + (own == 0 ? "on production's schema" : "after " + states.get(own).migration().script())
                        + ": " + there.error());
            }
        }
        return Optional.empty();
    }

    /** Why a service that is not promoted fails at state {@code k}: no plan can help it. */
    Optional<String> othersBreak(int k) {
        List<SchemaState> states = evidence.timeline().states();
        for (CheckedStatement statement : others) {
            ProbeOutcome initially = states.get(0).outcomes().get(statement.probe());
            if (initially.passed()) {
                Optional<String> broken = breaks(statement.issuer().label(), statement, initially, k);
                if (broken.isPresent()) {
                    return broken;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> breaks(String who, CheckedStatement statement, ProbeOutcome reference, int k) {
        SchemaState state = evidence.timeline().states().get(k);
        ProbeOutcome outcome = state.outcomes().get(statement.probe());
        String what = who + "'s " + shortened(statement.sql()) + " (" + statement.patterns().get(0).origin() + ")";
        String at = k == 0 ? "on production's schema" : "after " + state.migration().script();
        if (!outcome.passed()) {
            return Optional.of(what + " fails " + at + ": " + outcome.error());
        }
        if (reference.resultColumns() != null && outcome.resultColumns() != null) {
            for (ColumnRead read : statement.reads()) {
                if (reference.resultColumns().contains(read.column())
                        && !outcome.resultColumns().contains(read.column())) {
                    return Optional.of(who + " reads " + read.column() + " (" + read.origin() + ") from a result that"
                            + " lacks it " + at);
                }
            }
        }
        for (DataCopies.Copy copy : copies) {
            if (copy.step() != k) {
                continue;
            }
            Optional<String> source = DataCopies.writesSourceWithoutTarget(statement, copy);
            if (source.isPresent()) {
                return Optional.of(what + " writes " + copy.sourceTable() + "." + source.get() + " but not "
                        + copy.table() + "." + String.join(", ", copy.targets()) + " while " + copy.script()
                        + " copies one into the other: the rows it writes then would lack the copy");
            }
        }
        return Optional.empty();
    }

    private static String shortened(String sql) {
        String flat = OneLine.of(sql);
        return flat.length() <= SQL_WIDTH ? flat : flat.substring(0, SQL_WIDTH - 3) + "...";
    }
}
