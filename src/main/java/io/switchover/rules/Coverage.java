package io.switchover.rules;

import io.switchover.patterns.model.ServiceVersion;

import java.util.List;

/**
 * What the gate saw of one service version: its distinct statements, how many of those the probes checked, the
 * SQL-looking places it could not resolve, and the changed objects it names in places that were not checked.
 *
 * @param statements   distinct statements found
 * @param checked      of those, the ones probed at every state they can be affected at (or that use nothing the batch
 *                     changes)
 * @param notChecked   SQL-looking places that could not be resolved to a statement, and files that could not be read
 * @param namedUnchecked the changed objects named in places that were not checked, as labels, once each
 */
public record Coverage(ServiceVersion issuer, int statements, int checked, int notChecked,
                       List<String> namedUnchecked) {

    public Coverage {
        namedUnchecked = List.copyOf(namedUnchecked);
    }

    /** Whether the gate could vouch for nothing this version does. */
    public boolean nothingChecked() {
        return checked == 0;
    }
}
