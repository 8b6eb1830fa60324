package io.switchover.patterns;

import io.switchover.SwitchoverException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InParallelTest {

    @Test
    void keepsTheOrderOfTheItemsWhateverOrderTheyFinishIn() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();

        List<String> results = InParallel.map(items, i -> {
            if (i % 7 == 0) {
                Thread.onSpinWait();
                sleep(i % 3);
            }
            return "item " + i;
        });

        assertEquals(items.stream().map(i -> "item " + i).toList(), results);
    }

    @Test
    void rethrowsTheFailureOfAJobAsItWas() {
        SwitchoverException bad = SwitchoverException.badInput("source folder 'x' has no files");

        SwitchoverException thrown = assertThrows(SwitchoverException.class, () -> InParallel.map(List.of(1, 2, 3, 4),
                i -> {
                    if (i == 3) {
                        throw bad;
                    }
                    return i;
                }));

        assertSame(bad, thrown);
    }

    @Test
    void mapsNothingWithoutThreads() {
        assertEquals(List.of(), InParallel.map(List.<Integer>of(), i -> i));
    }

    @Test
    void runsEvenOneItemOnAThreadWhoseStackHoldsDeepRecursion() {
        // 100,000 frames overflow a default stack of 1 MB even compiled (some 32 bytes a frame); interpreted (up to
        // about 100 bytes a frame) they still fit in 16 MB. 200,000 did not always: CI overflowed once, when the JIT
        // had not compiled depth() yet. The bounds of JavaSources count on the larger stack.
        assertEquals(List.of(100_000), InParallel.map(List.of(100_000), InParallelTest::depth));
        assertEquals(List.of("switchover-extraction"), InParallel.map(List.of(1), i -> Thread.currentThread().getName()));
    }

    private static int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
