package io.switchover.check;

import io.switchover.patterns.JdbcParameters;
import io.switchover.patterns.builders.JooqDsl;
import io.switchover.patterns.SqlReferences;
import io.switchover.patterns.StatementReadings;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ColumnRead;
import io.switchover.patterns.model.ServiceVersion;
import io.switchover.patterns.model.StatementKind;
import io.switchover.rules.CheckedStatement;
import io.switchover.sql.OneLine;
import io.switchover.timeline.ProbeStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns access patterns into the statements the replay probes: one probe per distinct statement of a service version
 * (the same SQL issued from several places is run once and reported at each place), in the form JDBC takes it.
 */
final class ProbePlanner {
    private final List<CheckedStatement> statements = new ArrayList<>();
    private final List<ProbeStatement> probes = new ArrayList<>();
    /** Probe index by service and statement, so that the candidate's unchanged statements cost no probe of their own. */
    private final Map<String, Integer> probeOf = new java.util.HashMap<>();
    /** What each distinct statement references: parsing is the costly part, and versions share most statements. */
    private final Map<String, Optional<SqlReferences>> referencesOf = new java.util.HashMap<>();
    /** The probes of statements JSqlParser could not read, run as they are: the replay database decides. */
    private final java.util.Set<Integer> unparsed = new java.util.HashSet<>();
    private final StatementReadings readings;

    /** @param readings what the check read of each statement, extraction's reading of the same ones among it */
    ProbePlanner(StatementReadings readings) {
        this.readings = readings;
    }

    /**
     * @param worthParsing which statements to read closely; of the others nothing is known but their text, which is
     *                     enough for the replay to leave them alone (see {@link StatementsWorthParsing})
     */
    void add(ServiceVersion issuer, List<AccessPattern> patterns, Predicate<String> worthParsing) {
        add(issuer, patterns, List.of(), worthParsing);
    }

    /**
     * @param reads the columns the version's code reads by name; a statement whose result is read so has its result
     *              columns recorded at every state
     */
    void add(ServiceVersion issuer, List<AccessPattern> patterns, List<ColumnRead> reads,
             Predicate<String> worthParsing) {
        Map<String, List<AccessPattern>> bySql = new LinkedHashMap<>();
        for (AccessPattern pattern : patterns) {
            bySql.computeIfAbsent(normalize(pattern.sql()), k -> new ArrayList<>()).add(pattern);
        }
        Map<String, List<ColumnRead>> readsOf = new java.util.HashMap<>();
        for (ColumnRead read : reads) {
            if (read.linked()) {
                readsOf.computeIfAbsent(normalize(read.statement()), k -> new ArrayList<>()).add(read);
            }
        }
        for (Map.Entry<String, List<AccessPattern>> entry : bySql.entrySet()) {
            List<AccessPattern> same = entry.getValue();
            String sql = same.get(0).sql();
            Optional<SqlReferences> references = worthParsing.test(sql)
                    ? referencesOf.computeIfAbsent(entry.getKey(), k -> readings.references(sql))
                    : Optional.empty();
            // jOOQ's classes generated from production's migrations list production's columns, the candidate's list
            // the candidate's: the two versions' statements are not the same probe.
            boolean generatedStar = issuer.role() == ServiceVersion.Role.RUNNING
                    && same.stream().anyMatch(p -> p.extractor().equals(JooqDsl.GENERATED_STAR));
            String probeKey = issuer.service() + "\n" + (generatedStar ? "generated columns\n" : "") + entry.getKey();
            Integer probe = probeOf.get(probeKey);
            if (probe == null) {
                probe = probes.size();
                probeOf.put(probeKey, probe);
                boolean baseline = issuer.role() == ServiceVersion.Role.CANDIDATE;
                if (references.isEmpty() && worthParsing.test(sql)) {
                    // Probed at production's schema whatever the batch does: whether it runs at all is the
                    // database's to say.
                    unparsed.add(probe);
                    probes.add(ProbeStatement.fromWords(JdbcParameters.toPositional(sql).sql(), true));
                } else if (generatedStar) {
                    probes.add(probeOf(sql, references, baseline).ofGeneratedColumns());
                } else {
                    probes.add(probeOf(sql, references, baseline));
                }
            }
            List<ColumnRead> itsReads = readsOf.getOrDefault(entry.getKey(), List.of());
            java.util.Set<Integer> nullWrites = issuer.role() == ServiceVersion.Role.RUNNING
                    ? NullWrites.of(same, references) : java.util.Set.of();
            ProbeStatement p = probes.get(probe);
            if (!itsReads.isEmpty() && !p.readByName() || !p.nullWrites().containsAll(nullWrites)) {
                probes.set(probe, p.with(!itsReads.isEmpty(), nullWrites));
            }
            statements.add(new CheckedStatement(sql, List.copyOf(same), references, issuer, probe, itsReads));
        }
    }

    private static ProbeStatement probeOf(String sql, Optional<SqlReferences> references, boolean baseline) {
        String jdbcSql = JdbcParameters.toPositional(sql).sql();
        if (references.isEmpty()) {
            return new ProbeStatement(jdbcSql, List.of(), List.of(), baseline);
        }
        SqlReferences r = references.get();
        boolean inserts = r.kind() == StatementKind.INSERT || r.kind() == StatementKind.MERGE;
        boolean positional = r.selectsStar() || (r.kind() == StatementKind.INSERT && r.insertColumns().isEmpty());
        return new ProbeStatement(jdbcSql, List.copyOf(r.tables()), r.parameterColumns(), baseline, r.columns(),
                positional, inserts);
    }

    /** What these statements were found to reference, by statement as this planner keys them; parsed ones only. */
    Map<String, Optional<SqlReferences>> referencesOf(List<AccessPattern> patterns) {
        Map<String, Optional<SqlReferences>> found = new java.util.TreeMap<>();
        for (AccessPattern pattern : patterns) {
            String key = normalize(pattern.sql());
            Optional<SqlReferences> references = referencesOf.get(key);
            if (references != null) {
                found.put(key, references);
            }
        }
        return found;
    }

    /** What statements reference, as an earlier check found it (from the extraction cache): not parsed again. */
    void know(Map<String, Optional<SqlReferences>> references) {
        references.forEach(referencesOf::putIfAbsent);
    }

    List<CheckedStatement> statements() {
        return List.copyOf(statements);
    }

    /** Whether the probe runs a statement JSqlParser could not read. */
    boolean unparsed(int probe) {
        return unparsed.contains(probe);
    }

    /** From now on, these statements do not count: they were not checked after all. */
    void drop(java.util.Collection<CheckedStatement> notChecked) {
        java.util.Set<CheckedStatement> gone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        gone.addAll(notChecked);
        statements.removeIf(gone::contains);
    }

    List<ProbeStatement> probes() {
        return List.copyOf(probes);
    }

    private static String normalize(String sql) {
        return OneLine.of(sql);
    }
}
