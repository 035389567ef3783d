package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.entry;
import static org.m365mcp.cache.store.StoreFixtures.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
}
