package dev.layerstudio.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Runs work on a few threads at most and keeps the results in input order. */
final class Bounded {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private Bounded() {
    }

    /**
     * Applies {@code work} to every item with at most {@code concurrency} at once. Exceptions
     * are the work's business: it should turn failures into results. Interrupting the caller
     * cancels what has not started and throws {@link CancellationException}.
     */
    static <T, R> List<R> map(List<T> items, int concurrency, String name, Function<T, R> work) {
        if (items.isEmpty()) {
            return List.of();
        }
        int threads = Math.max(1, Math.min(concurrency, items.size()));
        if (threads == 1) {
            List<R> out = new ArrayList<>(items.size());
            for (T item : items) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException();
                }
                out.add(work.apply(item));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, factory(name));
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            List<R> out = new ArrayList<>(items.size());
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory factory(String name) {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "layer-studio-" + name + "-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
