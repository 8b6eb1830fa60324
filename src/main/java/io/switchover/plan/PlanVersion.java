package io.switchover.plan;

import io.switchover.patterns.model.ServiceVersion;

/**
 * A version the plan may deploy: production's, one recorded between, or the candidate.
 *
 * @param needs how many of the batch's migrations it holds: it serves at state S<sub>needs</sub>
 */
public record PlanVersion(ServiceVersion issuer, int needs) {

    public String name() {
        return issuer.version();
    }
}
