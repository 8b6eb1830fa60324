package io.switchover.check;

import io.switchover.patterns.AccessPattern;
import io.switchover.patterns.JdbcParameters;
import io.switchover.patterns.ServiceVersion;
import io.switchover.patterns.SqlReferences;
import io.switchover.replay.ProbeStatement;
import io.switchover.rules.CheckedStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns access patterns into the statements the replay probes: one probe per distinct statement of a service version
 * (the same SQL issued from several places is run once and reported at each place), in the form JDBC takes it.
 */
final class ProbePlanner {
    private final List<CheckedStatement> statements = new ArrayList<>();
    private final List<ProbeStatement> probes = new ArrayList<>();

    void add(ServiceVersion issuer, List<AccessPattern> patterns) {
        Map<String, List<AccessPattern>> bySql = new LinkedHashMap<>();
        for (AccessPattern pattern : patterns) {
            bySql.computeIfAbsent(normalize(pattern.sql()), k -> new ArrayList<>()).add(pattern);
        }
        for (List<AccessPattern> same : bySql.values()) {
            String sql = same.get(0).sql();
            Optional<SqlReferences> references = SqlReferences.of(sql);
            statements.add(new CheckedStatement(sql, List.copyOf(same), references, issuer));
            probes.add(new ProbeStatement(JdbcParameters.toPositional(sql).sql(),
                    references.map(r -> List.copyOf(r.tables())).orElse(List.of()),
                    references.map(SqlReferences::parameterColumns).orElse(List.of())));
        }
    }

    List<CheckedStatement> statements() {
        return List.copyOf(statements);
    }

    List<ProbeStatement> probes() {
        return List.copyOf(probes);
    }

    private static String normalize(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }
}
