package io.switchover.report;

import io.switchover.migrations.Migration;
import io.switchover.plan.Plan;
import io.switchover.plan.Promotion;

import java.util.List;
import java.util.stream.Collectors;

/** The promotion plan in words: each deployment, why it stops where it does, and what must wait. */
public final class PlanText {

    private PlanText() {
    }

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        int recorded = plan.versions().size() - 2;
        out.append("promotion plan through ").append(recorded).append(" recorded version").append(recorded == 1 ? "" : "s")
                .append(" between ").append(plan.versions().get(0).name()).append(" and ")
                .append(plan.versions().get(plan.versions().size() - 1).name());
        if (plan.complete()) {
            out.append(": ").append(plan.promotions().size()).append(" deployment")
                    .append(plan.promotions().size() == 1 ? "" : "s").append(", the fewest that are safe\n");
        } else {
            out.append(": no recorded sequence is safe all the way\n");
        }
        int n = 1;
        for (Promotion promotion : plan.promotions()) {
            out.append("  ").append(n++).append(". ").append(promotion.migrations().isEmpty() ? "no migration"
                            : "apply " + scripts(promotion.migrations()))
                    .append(" while ").append(promotion.from().name()).append(" serves, then deploy ")
                    .append(promotion.to().name()).append("\n");
            promotion.stopsHere().ifPresent(why -> out.append("     not further, since ").append(why).append("\n"));
        }
        plan.waits().ifPresent(wait -> out.append("  then ").append(wait.migration().script())
                .append(" must wait: ").append(wait.reason()).append("; promote it once a version that works with it"
                        + " serves traffic\n"));
        for (Plan.Floor floor : plan.floors()) {
            out.append("  oldest version that works once ").append(floor.migration().script()).append(" has run: ")
                    .append(floor.oldest().map(v -> v.name()).orElse("none recorded")).append("\n");
        }
        for (String skipped : plan.skipped()) {
            out.append("  left out: ").append(skipped).append("\n");
        }
        return out.toString();
    }

    private static String scripts(List<Migration> migrations) {
        return migrations.stream().map(Migration::script).collect(Collectors.joining(", "));
    }
}
