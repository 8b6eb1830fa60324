package io.switchover.rules;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ColumnRead;
import io.switchover.timeline.ProbeOutcome;
import io.switchover.timeline.SchemaState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The old code reads a column by name from a statement's result, and a batch step takes that column out of the result
 * while the statement itself still runs: a {@code SELECT *} over a table that loses it, a view redefined without it.
 * The probe records what the result holds at every state; the read breaks where its column is gone.
 */
@RuleId("result-column-still-read")
public final class ResultColumnStillRead implements Rule {
    /** How its findings' patterns say that they are reads of a statement's result, at the read's line. */
    public static final String EXTRACTOR = "column-read";
    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        List<Finding> findings = new ArrayList<>();
        List<SchemaState> states = evidence.timeline().states();
        for (CheckedStatement statement : evidence.statements()) {
            if (!statement.isRunning() || statement.reads().isEmpty()) {
                continue;
            }
            List<String> before = states.get(0).outcomes().get(statement.probe()).resultColumns();
            if (before == null) {
                continue;
            }
            Set<ColumnRead> reported = new HashSet<>();
            for (SchemaState state : states.subList(1, states.size())) {
                ProbeOutcome outcome = state.outcomes().get(statement.probe());
                if (!outcome.passed()) {
                    break; // the statement itself breaks here: another rule says so
                }
                if (outcome.resultColumns() == null) {
                    continue;
                }
                for (ColumnRead read : statement.reads()) {
                    if (before.contains(read.column()) && !outcome.resultColumns().contains(read.column())
                            && reported.add(read)) {
                        findings.add(finding(statement, read, state));
                    }
                }
            }
        }
        return findings;
    }

    private Finding finding(CheckedStatement statement, ColumnRead read, SchemaState state) {
        String script = state.migration().script();
        String from = statement.patterns().isEmpty() ? "" : " (" + statement.patterns().get(0).origin() + ")";
        String message = statement.issuer().label() + " reads column " + read.column() + " by name from the result of"
                + " this statement" + from + "; after " + script + " the statement still runs, but its result no"
                + " longer has " + read.column();
        String help = "stop reading " + read.column() + " in a version of its own and let it reach production before "
                + script + ", or keep " + read.column() + " in what the statement returns until then";
        return Finding.of(doc(), state.migration(), state.step(), 0,
                statement.issuer().service(), new AccessPattern(statement.sql(), read.origin(), EXTRACTOR), message,
                help, null);
    }
}
