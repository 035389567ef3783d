package org.m365mcp.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.m365mcp.background.RefreshCoalescer.Outcome;

class RefreshCoalescerTest {

    /** Holds submitted work until the test runs it, like a busy pool. */
    private static final class HeldExecutor implements java.util.concurrent.Executor {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public void execute(Runnable command) {
            held.add(command);
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void submit_sameKeyWhileInFlight_coalescesIntoOneRefresh() {
        HeldExecutor executor = new HeldExecutor();
        RefreshCoalescer coalescer = new RefreshCoalescer(executor, 10);
        AtomicInteger runs = new AtomicInteger();

        assertThat(coalescer.submit("k", runs::incrementAndGet, e -> {})).isEqualTo(Outcome.SCHEDULED);
        assertThat(coalescer.submit("k", runs::incrementAndGet, e -> {})).isEqualTo(Outcome.COALESCED);
        assertThat(coalescer.submit("other", runs::incrementAndGet, e -> {})).isEqualTo(Outcome.SCHEDULED);
        executor.runAll();

        assertThat(runs).hasValue(2);
        assertThat(coalescer.counts()).isEqualTo(new RefreshCounts(2, 1, 0, 2, 0, 0, 0));
        assertThat(coalescer.submit("k", runs::incrementAndGet, e -> {}))
                .as("the key is free once its refresh ran")
                .isEqualTo(Outcome.SCHEDULED);
    }

    @Test
    void submit_concurrentCallersOfOneKey_exactlyOneRefreshRuns() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            RefreshCoalescer coalescer = new RefreshCoalescer(pool, 10);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch submitted = new CountDownLatch(8);
            for (int i = 0; i < 8; i++) {
                callers.execute(() -> {
                    coalescer.submit(
                            "k",
                            () -> {
                                runs.incrementAndGet();
                                await(release);
                            },
                            e -> {});
                    submitted.countDown();
                });
            }
            assertThat(submitted.await(5, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

            assertThat(runs).hasValue(1);
            assertThat(coalescer.counts().scheduled()).isEqualTo(1);
            assertThat(coalescer.counts().coalesced()).isEqualTo(7);
        } finally {
            pool.shutdownNow();
            callers.shutdownNow();
        }
    }

    @Test
    void submit_queueFull_dropsAndCountsWithoutBlocking() {
        HeldExecutor executor = new HeldExecutor();
        RefreshCoalescer coalescer = new RefreshCoalescer(executor, 2);

        assertThat(coalescer.submit("a", () -> {}, e -> {})).isEqualTo(Outcome.SCHEDULED);
        assertThat(coalescer.submit("b", () -> {}, e -> {})).isEqualTo(Outcome.SCHEDULED);
        assertThat(coalescer.submit("c", () -> {}, e -> {})).isEqualTo(Outcome.DROPPED);
        assertThat(coalescer.submit("c", () -> {}, e -> {}))
                .as("a dropped key is not left in flight")
                .isEqualTo(Outcome.DROPPED);
        assertThat(coalescer.queued()).isEqualTo(2);
        executor.runAll();

        assertThat(coalescer.counts()).isEqualTo(new RefreshCounts(2, 0, 2, 2, 0, 0, 0));
        assertThat(coalescer.submit("c", () -> {}, e -> {})).isEqualTo(Outcome.SCHEDULED);
    }

    @Test
    void submit_executorRefuses_dropsAndFreesTheKey() {
        RefreshCoalescer coalescer = new RefreshCoalescer(
                command -> {
                    throw new RejectedExecutionException("shutting down");
                },
                5);

        assertThat(coalescer.submit("k", () -> {}, e -> {})).isEqualTo(Outcome.DROPPED);
        assertThat(coalescer.submit("k", () -> {}, e -> {})).isEqualTo(Outcome.DROPPED);
        assertThat(coalescer.counts()).isEqualTo(new RefreshCounts(0, 0, 2, 0, 0, 0, 0));
    }

    @Test
    void run_refreshThrows_failureHandledCountedAndKeyFreed() {
        HeldExecutor executor = new HeldExecutor();
        RefreshCoalescer coalescer = new RefreshCoalescer(executor, 5);
        AtomicReference<RuntimeException> handled = new AtomicReference<>();
        IllegalStateException failure = new IllegalStateException("Graph said 503");

        coalescer.submit(
                "k",
                () -> {
                    throw failure;
                },
                handled::set);
        executor.runAll();

        assertThat(handled).hasValue(failure);
        assertThat(coalescer.counts().failed()).isEqualTo(1);
        assertThat(coalescer.counts().completed()).isZero();
        assertThat(coalescer.submit("k", () -> {}, e -> {})).isEqualTo(Outcome.SCHEDULED);
    }

    @Test
    void awaitDone_refreshInFlight_returnsOnceItRanAndCountsTheJoin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            RefreshCoalescer coalescer = new RefreshCoalescer(pool, 5);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();
            coalescer.submit(
                    "k",
                    () -> {
                        await(release);
                        runs.incrementAndGet();
                    },
                    e -> {});

            pool.execute(() -> sleepThen(200, release::countDown));
            boolean joined = coalescer.awaitDone("k", Duration.ofSeconds(5));

            assertThat(joined).isTrue();
            assertThat(runs).as("the refresh ran before the wait ended").hasValue(1);
            assertThat(coalescer.counts().joined()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void awaitDone_noRefreshOfTheKey_returnsFalseAtOnce() {
        RefreshCoalescer coalescer = new RefreshCoalescer(new HeldExecutor(), 5);
        coalescer.submit("other", () -> {}, e -> {});

        long started = System.nanoTime();
        boolean joined = coalescer.awaitDone("k", Duration.ofSeconds(5));

        assertThat(joined).isFalse();
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(coalescer.counts().joined()).isZero();
    }

    @Test
    void awaitDone_refreshOutlastsTheWait_returnsFalseAfterTheWait() {
        HeldExecutor executor = new HeldExecutor();
        RefreshCoalescer coalescer = new RefreshCoalescer(executor, 5);
        coalescer.submit("k", () -> {}, e -> {});

        long started = System.nanoTime();
        boolean joined = coalescer.awaitDone("k", Duration.ofMillis(150));

        assertThat(joined).isFalse();
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
        executor.runAll();
        assertThat(coalescer.awaitDone("k", Duration.ofSeconds(5)))
                .as("nothing in flight once it ran")
                .isFalse();
    }

    @Test
    void awaitDone_droppedRefresh_releasesNoWaiterForever() {
        RefreshCoalescer coalescer = new RefreshCoalescer(
                command -> {
                    throw new RejectedExecutionException("full");
                },
                5);

        assertThat(coalescer.submit("k", () -> {}, e -> {})).isEqualTo(Outcome.DROPPED);
        assertThat(coalescer.awaitDone("k", Duration.ofSeconds(5))).isFalse();
    }

    private static void sleepThen(long millis, Runnable then) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        then.run();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
