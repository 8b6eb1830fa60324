package io.switchover.rules;

import io.switchover.patterns.AccessPattern;
import io.switchover.patterns.ServiceVersion;
import io.switchover.patterns.SqlReferences;

import java.util.List;
import java.util.Optional;

/**
 * One distinct statement of one service version that the timeline probed, with every place in that version's code
 * that issues it and what it references (empty when JSqlParser could not read it).
 *
 * @param probe the index of its probe in the timeline's statements: the candidate's copy of a statement the running
 *              version issues too shares that probe, since the outcome at every state is the same
 */
public record CheckedStatement(String sql, List<AccessPattern> patterns, Optional<SqlReferences> references,
                               ServiceVersion issuer, int probe) {

    public boolean isRunning() {
        return issuer.role() == ServiceVersion.Role.RUNNING;
    }
}
