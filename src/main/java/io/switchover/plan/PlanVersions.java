package io.switchover.plan;

import io.switchover.migrations.Batch;
import io.switchover.migrations.Migration;
import io.switchover.migrations.MigrationSet;
import io.switchover.patterns.model.ServiceVersion;

import java.util.ArrayList;
import java.util.List;

/**
 * The versions a plan may deploy, with the batch migrations each holds: production's holds none of them, the candidate
 * all, a recorded one a prefix. A recorded version that holds a later migration without an earlier one, or fewer than
 * the version recorded before it, cannot be deployed on the way, and is left out with the reason.
 */
public final class PlanVersions {

    /** @param versions the versions, production's first, the candidate last */
    public record Resolved(List<PlanVersion> versions, List<String> skipped) {
    }

    /** A recorded version and the migrations its snapshot holds. */
    public record Recorded(ServiceVersion issuer, MigrationSet migrations) {
    }

    private PlanVersions() {
    }

    public static Resolved of(Batch batch, ServiceVersion production, List<Recorded> recorded, ServiceVersion candidate) {
        List<PlanVersion> versions = new ArrayList<>(List.of(new PlanVersion(production, 0)));
        List<String> skipped = new ArrayList<>();
        // Repeatable migrations run after the versioned ones, in the content of the version deployed: the one replay
        // has the candidate's, so they count for the candidate alone.
        List<Migration> steps = batch.migrations().stream().filter(m -> !m.isRepeatable()).toList();
        for (Recorded version : recorded) {
            int needs = 0;
            while (needs < steps.size() && version.migrations().find(steps.get(needs)).isPresent()) {
                needs++;
            }
            int held = needs;
            boolean prefix = steps.subList(needs, steps.size()).stream()
                    .noneMatch(m -> version.migrations().find(m).isPresent());
            int before = versions.get(versions.size() - 1).needs();
            if (!prefix) {
                skipped.add(version.issuer().version() + " holds " + steps.stream().skip(held)
                        .filter(m -> version.migrations().find(m).isPresent()).findFirst().map(Migration::script)
                        .orElse("a later migration") + " without " + steps.get(held).script());
            } else if (needs < before) {
                skipped.add(version.issuer().version() + " holds fewer of the batch's migrations than the version"
                        + " recorded before it");
            } else {
                versions.add(new PlanVersion(version.issuer(), needs));
            }
        }
        versions.add(new PlanVersion(candidate, batch.migrations().size()));
        return new Resolved(List.copyOf(versions), List.copyOf(skipped));
    }
}
