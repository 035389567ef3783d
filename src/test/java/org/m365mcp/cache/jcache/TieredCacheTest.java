package org.m365mcp.cache.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.expiry.CreatedExpiryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.LiveStore;
import org.m365mcp.cache.store.StoreSettings;

/** The tiered cache over a real SQLCipher store: write-through, fault-in, expiry by the injected clock. */
class TieredCacheTest {

    private static final TtlPolicy TTL = new TtlPolicy(Duration.ofMinutes(2), Duration.ofMinutes(10));
    private static final String KEY = "email_list:acc-a:folder=inbox&limit=5";

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private CacheStore store;
    private CacheManager manager;

    @BeforeEach
    void open() {
        store = CacheStore.open(StoreSettings.defaults(dir.resolve("cache.db")), CacheKey.of("tiered-test-key"), clock);
        manager = Caching.getCachingProvider(TieredCachingProvider.class.getName()).getCacheManager();
    }

    @AfterEach
    void close() {
        manager.close();
        store.close();
    }

    private Cache<String, CacheEntryEnvelope> cache(String name) {
        StoreLoaderWriter loaderWriter = new StoreLoaderWriter(LiveStore.of(store), name, clock);
        TieredConfiguration<String, CacheEntryEnvelope> configuration = new TieredConfiguration<>();
        configuration.setTypes(String.class, CacheEntryEnvelope.class);
        configuration.setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                new javax.cache.expiry.Duration(TimeUnit.MINUTES, 10)));
        configuration.setCacheLoaderFactory(new FactoryBuilder.SingletonFactory<>(loaderWriter));
        configuration.setCacheWriterFactory(new FactoryBuilder.SingletonFactory<>(loaderWriter));
        configuration.setReadThrough(true).setWriteThrough(true);
        configuration.setClock(clock).setHeapEntries(100);
        return manager.createCache(name, configuration);
    }

    private CacheEntryEnvelope envelope(String json) {
        return TTL.envelope(json.getBytes(StandardCharsets.UTF_8), clock.instant());
    }

    @Test
    void provider_isFoundThroughServiceLoader() {
        assertThat(Caching.getCachingProvider(TieredCachingProvider.class.getName()))
                .isInstanceOf(TieredCachingProvider.class);
    }

    @Test
    void put_writesThroughToTheStore_withAccountAndResourceType() {
        cache("email_list").put(KEY, envelope("{\"a\":1}"));

        var stored = store.read(KEY).orElseThrow();
        assertThat(stored.accountId()).isEqualTo("acc-a");
        assertThat(stored.resourceType()).isEqualTo("email_list");
        assertThat(stored.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void get_withColdHeap_faultsInFromTheStoreWithItsFreshness() {
        CacheEntryEnvelope written = envelope("{\"a\":1}");
        cache("email_list").put(KEY, written);
        manager.close();
        manager = Caching.getCachingProvider(TieredCachingProvider.class.getName()).getCacheManager();

        CacheEntryEnvelope loaded = cache("email_list").get(KEY);

        assertThat(loaded).isEqualTo(written);
        assertThat(loaded.freshUntil()).isEqualTo(written.freshUntil());
    }

    @Test
    void get_afterStaleTtl_isAMissInBothTiers() {
        Cache<String, CacheEntryEnvelope> cache = cache("email_list");
        cache.put(KEY, envelope("{\"a\":1}"));

        clock.advance(Duration.ofMinutes(10));

        assertThat(cache.get(KEY)).isNull();
    }

    @Test
    void remove_deletesFromTheStoreToo() {
        Cache<String, CacheEntryEnvelope> cache = cache("email_list");
        cache.put(KEY, envelope("{\"a\":1}"));

        assertThat(cache.remove(KEY)).isTrue();

        assertThat(store.read(KEY)).isEmpty();
    }

    @Test
    void operations_afterClose_throwIllegalState() {
        Cache<String, CacheEntryEnvelope> cache = cache("email_list");
        cache.close();

        assertThatThrownBy(() -> cache.get(KEY)).isInstanceOf(IllegalStateException.class);
    }

    /** A clock tests move by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
