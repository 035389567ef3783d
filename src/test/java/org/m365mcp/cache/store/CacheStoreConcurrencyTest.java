package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.entry;
import static org.m365mcp.cache.store.StoreFixtures.text;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStoreConcurrencyTest {

    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void writeAndRead_fromManyThreads_losesNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(dir.resolve("cache.db")), KEY)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int t = thread;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        String key = "t" + t + ":" + i;
                        store.write(entry(key, text(i % 2 == 0 ? 100 : 60_000)));
                        assertThat(store.read(key)).isPresent();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }

            assertThat(store.summary().entries()).isEqualTo(400);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyThreads_writeReadInvalidateAndClaim_exactCountsAndIntegrityOk() throws Exception {
        int accounts = 6;
        int perType = 40;
        int tasksPerAccount = 10;
        Path file = dir.resolve("cache.db");
        ExecutorService pool = Executors.newFixedThreadPool(accounts + 2);
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new CopyOnWriteArrayList<>();
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), KEY)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> invalidated = new ArrayList<>();
            for (int a = 0; a < accounts; a++) {
                String account = "acc-" + a;
                invalidated.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perType; i++) {
                        for (String type : List.of("email_list", "file_get")) {
                            String key = type + ":" + account + ":i=" + i;
                            store.write(StoreFixtures.entry(key, account, type, 200 + i, FAR_FUTURE));
                            assertThat(store.read(key)).isPresent();
                        }
                        if (i % (perType / tasksPerAccount) == 0) {
                            store.tasks().enqueue(account, "warm", "email_list", null, null, 1 + i % 10);
                        }
                    }
                    return store.invalidate(account, null, "email_list:*", "email_move")
                            .count();
                }));
            }
            List<Future<?>> claimers = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                claimers.add(pool.submit(() -> {
                    start.await();
                    while (claimed.size() < accounts * tasksPerAccount) {
                        store.tasks().claimNext().ifPresent(task -> {
                            if (!claimed.add(task.taskId())) {
                                duplicates.add(task.taskId());
                            }
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<Integer> count : invalidated) {
                assertThat(count.get(60, TimeUnit.SECONDS))
                        .as("each account's own email_list entries")
                        .isEqualTo(perType);
            }
            for (Future<?> claimer : claimers) {
                claimer.get(60, TimeUnit.SECONDS);
            }

            assertThat(duplicates).isEmpty();
            assertThat(claimed).hasSize(accounts * tasksPerAccount);
            assertThat(store.summaryByResourceType()).containsOnlyKeys("file_get");
            assertThat(store.summary().entries()).isEqualTo((long) accounts * perType);
            assertThat(store.summaryByAccount().values())
                    .allSatisfy(summary -> assertThat(summary.entries()).isEqualTo(perType));
            assertThat(store.invalidations(null, 100))
                    .hasSize(accounts)
                    .allSatisfy(audit -> assertThat(audit.entriesInvalidated()).isEqualTo(perType));
            assertThat(store.tasks().list(null, TaskStatus.RUNNING, 1_000)).hasSize(accounts * tasksPerAccount);
        } finally {
            pool.shutdownNow();
        }
        assertThat(StoreFixtures.integrityCheck(file)).isEqualTo("ok");
    }

    @Test
    void write_whileAnotherConnectionHoldsTheWriteLock_waitsAndSucceeds() throws Exception {
        Path file = dir.resolve("cache.db");
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), KEY);
                Connection other = StoreFixtures.raw(file, KEY);
                Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("INSERT INTO cache_invalidation (account_id, pattern, reason, invalidated_at)"
                    + " VALUES ('a', '*', 'other process', 0)");

            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> store.write(entry("k", text(10))));
            Thread.sleep(300);
            assertThat(write).as("blocked by the other connection's lock").isNotDone();
            statement.execute("COMMIT");

            write.get(5, TimeUnit.SECONDS);
            assertThat(store.read("k")).isPresent();
        }
    }

    @Test
    void write_lockHeldLongerThanBusyTimeout_failsWithStoreExceptionAndStoreStaysUsable() throws Exception {
        Path file = dir.resolve("cache.db");
        StoreSettings settings = StoreSettings.defaults(file).withBusyTimeout(Duration.ofMillis(300));
        try (CacheStore store = CacheStore.open(settings, KEY);
                Connection other = StoreFixtures.raw(file, KEY);
                Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");

            assertThatThrownBy(() -> store.write(entry("k", text(10))))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("locked")
                    .hasMessageNotContaining(KEY.secret());
            statement.execute("ROLLBACK");

            assertThat(store.write(entry("k", text(10))).stored()).isTrue();
        }
    }
}
