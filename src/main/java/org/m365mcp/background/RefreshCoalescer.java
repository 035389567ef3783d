package org.m365mcp.background;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 *   <li>A caller may wait, bounded, for the refresh of a key in flight to end ({@link #awaitDone}):
 *       a read that finds no entry while its refetch runs is then answered by that refetch instead of
 *       fetching the same again. Such waits are counted as joined.</li>
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
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final LongAdder scheduled = new LongAdder();
    private final LongAdder coalesced = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder joined = new LongAdder();

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
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (inFlight.putIfAbsent(key, done) != null) {
            coalesced.increment();
            return Outcome.COALESCED;
        }
        if (queued.incrementAndGet() > maxQueued) {
            return drop(key, done);
        }
        try {
            executor.execute(() -> run(key, done, refresh, onFailure));
        } catch (RejectedExecutionException e) {
            return drop(key, done);
        }
        scheduled.increment();
        return Outcome.SCHEDULED;
    }

    /**
     * Waits at most {@code max} for the refresh of {@code key} in flight (queued or running) to end.
     *
     * @return true when one was in flight and ended in time, however it ended; false when none was, or
     *     it did not end in time, or the wait was interrupted (the interrupt is kept)
     */
    boolean awaitDone(String key, Duration max) {
        CompletableFuture<Void> done = inFlight.get(key);
        if (done == null || max.isZero() || max.isNegative()) {
            return false;
        }
        try {
            done.get(max.toMillis(), TimeUnit.MILLISECONDS);
            joined.increment();
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run(String key, CompletableFuture<Void> done, Runnable refresh, Consumer<RuntimeException> onFailure) {
        queued.decrementAndGet();
        try {
            refresh.run();
            completed.increment();
        } catch (RuntimeException e) {
            failed.increment();
            onFailure.accept(e);
        } finally {
            inFlight.remove(key, done);
            done.complete(null);
        }
    }

    private Outcome drop(String key, CompletableFuture<Void> done) {
        queued.decrementAndGet();
        inFlight.remove(key, done);
        done.complete(null);
        dropped.increment();
        return Outcome.DROPPED;
    }

    /** Refreshes submitted but not yet started. */
    int queued() {
        return Math.max(queued.get(), 0);
    }

    RefreshCounts counts() {
        return new RefreshCounts(
                scheduled.sum(), coalesced.sum(), dropped.sum(), completed.sum(), failed.sum(), queued(), joined.sum());
    }
}
