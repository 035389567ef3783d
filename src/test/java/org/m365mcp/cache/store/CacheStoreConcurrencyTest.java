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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStoreConcurrencyTest {

  @TempDir Path dir;

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
          .isInstanceOf(StoreException.class).hasMessageContaining("locked")
          .hasMessageNotContaining(KEY.secret());
      statement.execute("ROLLBACK");

      assertThat(store.write(entry("k", text(10))).stored()).isTrue();
    }
  }
}
