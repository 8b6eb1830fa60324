package io.switchover.plan;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search finds a sequence of the fewest promotions whenever one exists: checked against every sequence. */
class PromotionPlannerTest {

    @Property(tries = 500)
    void findsTheFewestPromotionsThatBruteForceFinds(@ForAll @IntRange(min = 2, max = 9) int size,
                                                      @ForAll @Size(64) List<Boolean> edges) {
        // edges.get(a * 8 + b): whether promoting from version a straight to version b is safe
        java.util.function.BiPredicate<Integer, Integer> safe = (a, b) -> edges.get(a * 8 + (b - 1) % 8);
        int[] previous = PromotionPlanner.shortest(size, safe);

        int best = bruteForce(size, safe);
        int last = size - 1;
        if (best == Integer.MAX_VALUE) {
            assertEquals(-1, previous[last], "no sequence reaches the candidate, and none is claimed");
            return;
        }
        List<Integer> path = new ArrayList<>();
        for (int at = last; at != -1; at = previous[at]) {
            path.add(0, at);
        }
        assertEquals(0, path.get(0));
        for (int i = 0; i + 1 < path.size(); i++) {
            assertTrue(path.get(i) < path.get(i + 1) && safe.test(path.get(i), path.get(i + 1)), path.toString());
        }
        assertEquals(best, path.size() - 1, "the fewest promotions: " + path);
    }

    /** The fewest promotions over every increasing sequence of versions from the first to the last. */
    private static int bruteForce(int size, java.util.function.BiPredicate<Integer, Integer> safe) {
        int best = Integer.MAX_VALUE;
        int between = size - 2;
        for (int mask = 0; mask < (1 << between); mask++) {
            List<Integer> path = new ArrayList<>(List.of(0));
            for (int i = 0; i < between; i++) {
                if ((mask & (1 << i)) != 0) {
                    path.add(i + 1);
                }
            }
            path.add(size - 1);
            boolean ok = true;
            for (int i = 0; i + 1 < path.size() && ok; i++) {
                ok = safe.test(path.get(i), path.get(i + 1));
            }
            if (ok) {
                best = Math.min(best, path.size() - 1);
            }
        }
        return best;
    }
}
