package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.m365mcp.cache.store.PlainCaches.CLOCK;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.OTHER_KEY;
import static org.m365mcp.cache.store.StoreFixtures.entry;
import static org.m365mcp.cache.store.StoreFixtures.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveStoreTest {

    @TempDir
    Path dir;

    private StoreSettings settings() {
        return StoreSettings.defaults(dir.resolve("cache.db"));
    }

    @Test
    void replace_whileACallIsInFlight_waitsForItAndTheCallSeesAnOpenStore() throws Exception {
        LiveStore live = LiveStore.of(CacheStore.open(settings(), KEY, CLOCK));
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> call = threads.submit(() -> live.apply(store -> {
                inCall.countDown();
                await(release);
                return store.write(entry("k", text(10))).stored();
            }));
            assertThat(inCall.await(5, TimeUnit.SECONDS)).isTrue();
            AtomicBoolean replaced = new AtomicBoolean();
            Future<?> replacement = threads.submit(() -> live.replace(store -> {
                store.close();
                replaced.set(true);
                return CacheStore.open(settings(), KEY, CLOCK);
            }));

            Thread.sleep(200);
            assertThat(replaced)
                    .as("the replacement waits for the call in flight")
                    .isFalse();
            release.countDown();

            assertThat(call.get(5, TimeUnit.SECONDS)).isTrue();
            replacement.get(10, TimeUnit.SECONDS);
            assertThat(replaced).isTrue();
            assertThat(live.<Optional<StoredEntry>>apply(store -> store.read("k")))
                    .isPresent();
        } finally {
            release.countDown();
            threads.shutdownNow();
            live.close();
        }
    }

    @Test
    void replace_rekeyUnderConcurrentReadsAndWrites_noCallFailsAndNoWriteIsLost() throws Exception {
        LiveStore live = LiveStore.of(CacheStore.open(settings(), KEY, CLOCK));
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            writers.add(threads.submit(() -> {
                int written = 0;
                while (!stop.get()) {
                    try {
                        String key = "t" + thread + "-" + written;
                        live.apply(store -> store.write(entry(key, text(200))));
                        assertThat(live.<Optional<StoredEntry>>apply(store -> store.read(key)))
                                .isPresent();
                        written++;
                    } catch (Throwable e) {
                        failures.add(e);
                        return written;
                    }
                }
                return written;
            }));
        }
        try {
            CacheKeyPair keys = new CacheKeyPair();
            for (int rotation = 0; rotation < 2; rotation++) {
                Thread.sleep(150);
                live.replace(store -> {
                    store.close();
                    StoreRekey.rekey(store.file(), keys.current(), keys.next(), StoreRekey.KeyCommit.NONE);
                    keys.swap();
                    return CacheStore.open(settings(), keys.current(), CLOCK);
                });
            }
            Thread.sleep(150);
            stop.set(true);
            int total = 0;
            for (Future<Integer> writer : writers) {
                total += writer.get(10, TimeUnit.SECONDS);
            }

            assertThat(failures).isEmpty();
            assertThat(total).isPositive();
            assertThat(live.apply(CacheStore::summary).entries()).isEqualTo(total);
            assertThat(keys.current()).isEqualTo(KEY);
        } finally {
            stop.set(true);
            threads.shutdownNow();
            live.close();
        }
    }

    @Test
    void replace_replacementThrows_leavesNoStoreAndCallsThrowStoreException() {
        LiveStore live = LiveStore.of(CacheStore.open(settings(), KEY, CLOCK));

        assertThatThrownBy(() -> live.replace(store -> {
                    store.close();
                    throw new IllegalStateException("reopen failed");
                }))
                .hasMessage("reopen failed");

        assertThatThrownBy(() -> live.apply(CacheStore::summary))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not open");
    }

    @Test
    void close_thenApply_throwsStoreException() {
        LiveStore live = LiveStore.of(CacheStore.open(settings(), KEY, CLOCK));

        live.close();

        assertThatThrownBy(() -> live.apply(CacheStore::summary)).isInstanceOf(StoreException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** KEY and OTHER_KEY, alternating as the current one. */
    private static final class CacheKeyPair {
        private boolean swapped;

        org.m365mcp.cache.key.CacheKey current() {
            return swapped ? OTHER_KEY : KEY;
        }

        org.m365mcp.cache.key.CacheKey next() {
            return swapped ? KEY : OTHER_KEY;
        }

        void swap() {
            swapped = !swapped;
        }
    }
}
