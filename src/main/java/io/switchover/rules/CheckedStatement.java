package io.switchover.rules;

import io.switchover.patterns.SqlReferences;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ColumnRead;
import io.switchover.patterns.model.ServiceVersion;

import java.util.List;
import java.util.Optional;

/**
 * One distinct statement of one service version that the timeline probed, with every place in that version's code
 * that issues it and what it references (empty when JSqlParser could not read it).
 *
 * @param probe the index of its probe in the timeline's statements: the candidate's copy of a statement the running
 *              version issues too shares that probe, since the outcome at every state is the same
 * @param reads the columns this version's code reads by name from its result
 */
public record CheckedStatement(String sql, List<AccessPattern> patterns, Optional<SqlReferences> references,
                               ServiceVersion issuer, int probe, List<ColumnRead> reads) {

    public CheckedStatement {
        reads = List.copyOf(reads);
    }

    public CheckedStatement(String sql, List<AccessPattern> patterns, Optional<SqlReferences> references,
                            ServiceVersion issuer, int probe) {
        this(sql, patterns, references, issuer, probe, List.of());
    }

    public boolean isRunning() {
        return issuer.role() == ServiceVersion.Role.RUNNING;
    }
}
