package io.switchover.patterns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Applies a job to every item on all cores, the results in the items' order. Reading a service's files is such a
 * job: each file is read alone, and the replay waits for all of them. The jobs run on threads of their own, also on
 * one core, with a stack of {@value #STACK_BYTES} bytes: parsers and tree visitors recurse once per level of what
 * they read, and the bounds of {@link JavaSources} are set with this stack in mind, not a machine's default.
 */
final class InParallel {
    static final long STACK_BYTES = 16L * 1024 * 1024;

    private InParallel() {
    }

    static <T, R> List<R> map(List<T> items, Function<T, R> job) {
        if (items.isEmpty()) {
            return List.of();
        }
        int workers = Math.max(1, Math.min(items.size(), Runtime.getRuntime().availableProcessors()));
        Object[] results = new Object[items.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(null, runnable, "switchover-extraction", STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                done.add(pool.submit(() -> {
                    // Each worker takes the next item, so that one large file does not hold up a fixed share.
                    for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                        results[i] = job.apply(items.get(i));
                    }
                }));
            }
            for (Future<?> worker : done) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the service's files", e);
        } catch (ExecutionException e) {
            next.set(results.length); // the other workers stop at their next item
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        @SuppressWarnings("unchecked")
        List<R> ordered = (List<R>) Arrays.asList(results);
        return Collections.unmodifiableList(ordered);
    }
}
