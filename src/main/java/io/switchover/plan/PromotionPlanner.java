package io.switchover.plan;

import io.switchover.migrations.Migration;
import io.switchover.rules.DeploymentOrder;
import io.switchover.rules.Evidence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fewest safe promotions from production's version to the candidate through the recorded versions. A promotion
 * from {@code a} to {@code b} applies the migrations {@code b} holds beyond {@code a}'s, one at a time, then deploys
 * {@code b}: with migrate-first, {@code a} must work at every state it serves on, and {@code b} where it lands; with
 * code-first, {@code b} serves from the state {@code a} left, so {@code b} must work at every state on the way. A
 * breadth-first search over the versions in their recorded order finds a shortest sequence.
 */
public final class PromotionPlanner {

    private final Evidence evidence;
    private final WorkMatrix matrix;
    private final List<PlanVersion> versions;
    private final Map<Long, Optional<Failure>> edges = new HashMap<>();

    /** Why a promotion is not safe: at which batch step, and what breaks there. */
    private record Failure(int step, String reason) {
    }

    private PromotionPlanner(Evidence evidence, String promoted, List<PlanVersion> versions) {
        this.evidence = evidence;
        this.matrix = new WorkMatrix(evidence, promoted);
        this.versions = List.copyOf(versions);
    }

    /**
     * @param versions production's version first, the candidate last, the recorded ones between in their order
     * @param skipped  recorded versions left out, and why
     */
    public static Plan plan(Evidence evidence, String promoted, List<PlanVersion> versions, List<String> skipped) {
        return new PromotionPlanner(evidence, promoted, versions).plan(skipped);
    }

    /**
     * Breadth-first from version 0 over the versions in their order, each step a promotion {@code safe} allows: for each
     * version, the one before it on a shortest sequence of promotions from 0, or -1 where none reaches it (and for 0).
     * Of the shortest sequences it finds the one that goes furthest at each step.
     */
    static int[] shortest(int size, java.util.function.BiPredicate<Integer, Integer> safe) {
        int[] previous = new int[size];
        Arrays.fill(previous, -1);
        boolean[] seen = new boolean[size];
        seen[0] = true;
        Deque<Integer> queue = new ArrayDeque<>(List.of(0));
        while (!queue.isEmpty()) {
            int a = queue.poll();
            for (int b = size - 1; b > a; b--) {
                if (!seen[b] && safe.test(a, b)) {
                    seen[b] = true;
                    previous[b] = a;
                    queue.add(b);
                }
            }
        }
        return previous;
    }

    private Plan plan(List<String> skipped) {
        int last = versions.size() - 1;
        int[] previous = shortest(versions.size(), (a, b) -> failure(a, b).isEmpty());

        boolean[] seen = new boolean[versions.size()];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = i == 0 || previous[i] >= 0;
        }
        int reached = last;
        if (!seen[last]) {
            reached = 0;
            for (int i = 0; i <= last; i++) {
                if (seen[i] && versions.get(i).needs() >= versions.get(reached).needs()) {
                    reached = i;
                }
            }
        }
        List<Integer> path = new ArrayList<>();
        for (int at = reached; at != -1; at = previous[at]) {
            path.add(0, at);
        }
        List<Promotion> promotions = new ArrayList<>();
        for (int i = 0; i + 1 < path.size(); i++) {
            int from = path.get(i);
            int to = path.get(i + 1);
            Optional<String> stopsHere = (i + 2 < path.size() ? failure(from, path.get(i + 2))
                    : seen[last] ? Optional.<Failure>empty() : failure(from, last)).map(Failure::reason);
            promotions.add(new Promotion(versions.get(from), versions.get(to), migrations(from, to), stopsHere));
        }
        Optional<Plan.Wait> wait = seen[last] ? Optional.empty() : Optional.of(waitAfter(reached));
        List<String> left = new ArrayList<>(skipped);
        for (PlanVersion version : versions.subList(1, last)) {
            matrix.brokenWhereDeployed(version).ifPresent(left::add);
        }
        return new Plan(versions, promotions, seen[last], wait, floors(), List.copyOf(left));
    }

    /** What keeps the promotion from {@code a} straight to {@code b} from being safe; empty when it is safe. */
    private Optional<Failure> failure(int a, int b) {
        return edges.computeIfAbsent((long) a * versions.size() + b, key -> check(versions.get(a), versions.get(b)));
    }

    private Optional<Failure> check(PlanVersion from, PlanVersion to) {
        int first = from.needs() + 1;
        if (to.needs() < from.needs()) {
            return Optional.of(new Failure(first, to.name() + " holds fewer of the batch's migrations than "
                    + from.name()));
        }
        if (to.needs() > matrix.lastState()) {
            return Optional.of(new Failure(matrix.lastState() + 1, "the replay did not get past "
                    + evidence.timeline().batch().get(matrix.lastState()).script()));
        }
        Optional<String> broken = matrix.brokenWhereDeployed(to);
        if (broken.isPresent()) {
            return Optional.of(new Failure(Math.max(to.needs(), 1), broken.get()));
        }
        boolean codeFirst = evidence.order() == DeploymentOrder.CODE_FIRST;
        for (int k = codeFirst ? from.needs() : first; k <= to.needs(); k++) {
            int step = k;
            Optional<String> breaks = (codeFirst ? matrix.breaks(to, k) : matrix.breaks(from, k))
                    .or(() -> matrix.othersBreak(step));
            if (breaks.isPresent()) {
                return Optional.of(new Failure(Math.max(k, 1), breaks.get()));
            }
        }
        return Optional.empty();
    }

    private List<Migration> migrations(int from, int to) {
        return List.copyOf(evidence.timeline().batch().subList(versions.get(from).needs(), versions.get(to).needs()));
    }

    /** The migration, after what the reached version holds, that no recorded version lets run, and why. */
    private Plan.Wait waitAfter(int reached) {
        Failure failure = failure(reached, versions.size() - 1).orElse(new Failure(versions.get(reached).needs() + 1,
                "no recorded version works with it"));
        int step = Math.min(failure.step(), evidence.timeline().batch().size());
        // A step the replay never reached (its migration failed to apply) no version can be judged at.
        Optional<PlanVersion> tolerates = step > matrix.lastState() ? Optional.empty()
                : versions.stream().filter(v -> matrix.breaks(v, step).isEmpty()
                        && matrix.brokenWhereDeployed(v).isEmpty()).findFirst();
        String reason = failure.reason() + tolerates.filter(v -> v.needs() >= step).map(v -> "; the oldest recorded"
                + " version that works with it, " + v.name() + ", holds it already: what is missing is a release that"
                + " no longer needs what it removes, and does not yet remove it").orElse("");
        return new Plan.Wait(evidence.timeline().batch().get(step - 1), step, reason);
    }

    /** For each migration production's version does not work with: the oldest recorded version that does. */
    private List<Plan.Floor> floors() {
        List<Plan.Floor> floors = new ArrayList<>();
        PlanVersion production = versions.get(0);
        for (int k = 1; k <= matrix.lastState(); k++) {
            // The contract steps: where production's version starts to break, not the steps after that keep it broken.
            if (matrix.breaks(production, k).isEmpty() || k > 1 && matrix.breaks(production, k - 1).isPresent()) {
                continue;
            }
            int step = k;
            Optional<PlanVersion> oldest = versions.stream().filter(v -> matrix.breaks(v, step).isEmpty()
                    && matrix.brokenWhereDeployed(v).isEmpty()).findFirst();
            floors.add(new Plan.Floor(evidence.timeline().batch().get(k - 1), k, oldest));
        }
        return floors;
    }
}
