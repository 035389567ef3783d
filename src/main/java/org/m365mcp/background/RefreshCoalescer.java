package org.m365mcp.background;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Runs refreshes on an executor, at most one per key at a time and at most {@code maxQueued}
 * waiting to start.
 *
 * <ul>
 *   <li>A key already in flight (queued or running) coalesces: nothing new is submitted.</li>
 *   <li>Never blocks: with {@code maxQueued} refreshes waiting, or when the executor refuses, the
 *       request is dropped and counted; the caller keeps serving the stale entry.</li>
 *   <li>A refresh that throws is counted and handed to its failure handler; the key is free again
 *       once the handler returns.</li>
 *   <li>Thread-safe; no locks on the submitting path.</li>
 * </ul>
 */
final class RefreshCoalescer {

    /** What became of one request. */
    enum Outcome {
        SCHEDULED,
        COALESCED,
        DROPPED
    }

    private final Executor executor;
    private final int maxQueued;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger queued = new AtomicInteger();
    private final LongAdder scheduled = new LongAdder();
    private final LongAdder coalesced = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();

    RefreshCoalescer(Executor executor, int maxQueued) {
        this.executor = Objects.requireNonNull(executor, "executor");
        if (maxQueued < 1) {
            throw new IllegalArgumentException("maxQueued must be >= 1");
        }
        this.maxQueued = maxQueued;
    }

    /** Submits {@code refresh} for {@code key} unless it coalesces or is dropped. */
    Outcome submit(String key, Runnable refresh, Consumer<RuntimeException> onFailure) {
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(onFailure, "onFailure");
        if (!inFlight.add(key)) {
            coalesced.increment();
            return Outcome.COALESCED;
        }
        if (queued.incrementAndGet() > maxQueued) {
            return drop(key);
        }
        try {
            executor.execute(() -> run(key, refresh, onFailure));
        } catch (RejectedExecutionException e) {
            return drop(key);
        }
        scheduled.increment();
        return Outcome.SCHEDULED;
    }

    private void run(String key, Runnable refresh, Consumer<RuntimeException> onFailure) {
        queued.decrementAndGet();
        try {
            refresh.run();
            completed.increment();
        } catch (RuntimeException e) {
            failed.increment();
            onFailure.accept(e);
        } finally {
            inFlight.remove(key);
        }
    }

    private Outcome drop(String key) {
        queued.decrementAndGet();
        inFlight.remove(key);
        dropped.increment();
        return Outcome.DROPPED;
    }

    /** Refreshes submitted but not yet started. */
    int queued() {
        return Math.max(queued.get(), 0);
    }

    RefreshCounts counts() {
        return new RefreshCounts(
                scheduled.sum(), coalesced.sum(), dropped.sum(), completed.sum(), failed.sum(), queued());
    }
}
