package io.switchover.report;

import io.switchover.migrations.Migration;
import io.switchover.plan.Plan;

import java.util.List;
import java.util.stream.Collectors;

/** The promotion plan in words: each deployment, why it stops where it does, and what must wait. */
public final class PlanText {

    private PlanText() {
    }

    /** One deployment of the plan in words, and why the next one does not go further, when it does not. */
    public record Step(String action, java.util.Optional<String> notFurther) {
    }

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder(headline(plan)).append('\n');
        int n = 1;
        for (Step step : steps(plan)) {
            out.append("  ").append(n++).append(". ").append(step.action()).append("\n");
            step.notFurther().ifPresent(why -> out.append("     not further, since ").append(why).append("\n"));
        }
        for (String line : after(plan)) {
            out.append("  ").append(line).append("\n");
        }
        return out.toString();
    }

    /** The plan in one sentence: through how many recorded versions, and whether it reaches the candidate. */
    public static String headline(Plan plan) {
        int recorded = plan.versions().size() - 2;
        String through = "promotion plan through " + recorded + " recorded version" + (recorded == 1 ? "" : "s")
                + " between " + plan.versions().get(0).name() + " and "
                + plan.versions().get(plan.versions().size() - 1).name();
        return plan.complete()
                ? through + ": " + plan.promotions().size() + " deployment" + (plan.promotions().size() == 1 ? "" : "s")
                + ", the fewest that are safe"
                : through + ": no recorded sequence is safe all the way";
    }

    public static List<Step> steps(Plan plan) {
        return plan.promotions().stream().map(promotion -> new Step((promotion.migrations().isEmpty()
                ? "no migration" : "apply " + scripts(promotion.migrations())) + " while " + promotion.from().name()
                + " serves, then deploy " + promotion.to().name(), promotion.stopsHere())).toList();
    }

    /** What follows the deployments: the migration that must wait, the oldest version each migration needs. */
    public static List<String> after(Plan plan) {
        List<String> lines = new java.util.ArrayList<>();
        plan.waits().ifPresent(wait -> lines.add("then " + wait.migration().script() + " must wait: " + wait.reason()
                + "; promote it once a version that works with it serves traffic"));
        for (Plan.Floor floor : plan.floors()) {
            lines.add("oldest version that works once " + floor.migration().script() + " has run: "
                    + floor.oldest().map(v -> v.name()).orElse("none recorded"));
        }
        for (String skipped : plan.skipped()) {
            lines.add("left out: " + skipped);
        }
        return lines;
    }

    private static String scripts(List<Migration> migrations) {
        return migrations.stream().map(Migration::script).collect(Collectors.joining(", "));
    }
}
