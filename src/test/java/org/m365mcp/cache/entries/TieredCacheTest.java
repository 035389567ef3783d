package org.m365mcp.cache.entries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.cache.Cache;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.cache.jcache.TieredCache;
import org.m365mcp.cache.jcache.TieredCacheManager;
import org.m365mcp.cache.jcache.TieredCachingProvider;
import org.m365mcp.cache.jcache.TieredConfiguration;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.LiveStore;
import org.m365mcp.cache.store.StoreSettings;
import org.m365mcp.cache.store.TestClock;

/** The tiered cache over a real SQLCipher store: write-through, fault-in, expiry by the injected clock. */
class TieredCacheTest {

    private static final TtlPolicy TTL = new TtlPolicy(Duration.ofMinutes(2), Duration.ofMinutes(10));
    private static final EntryKey KEY = EntryKey.parse("email_list:acc-a:folder=inbox&limit=5");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-21T08:00:00Z"));
    private CacheStore store;
    private TieredCacheManager manager;

    @BeforeEach
    void open() {
        store = CacheStore.open(StoreSettings.defaults(dir.resolve("cache.db")), CacheKey.of("tiered-test-key"), clock);
        manager = manager();
    }

    private TieredCacheManager manager() {
        TieredCachingProvider provider =
                (TieredCachingProvider) Caching.getCachingProvider(TieredCachingProvider.class.getName());
        return provider.getCacheManager(
                URI.create("urn:m365-mcp:test"), getClass().getClassLoader(), clock);
    }

    @AfterEach
    void close() {
        manager.close();
        store.close();
    }

    private Cache<EntryKey, CacheEntryEnvelope> cache(String name) {
        TieredConfiguration<EntryKey, CacheEntryEnvelope> configuration =
                new StoreLoaderWriter(LiveStore.of(store), name, clock).tieredConfiguration();
        configuration.setHeapEntries(100);
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

        var stored = store.read(KEY.text()).orElseThrow();
        assertThat(stored.accountId()).isEqualTo("acc-a");
        assertThat(stored.resourceType()).isEqualTo("email_list");
        assertThat(stored.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void get_withColdHeap_faultsInFromTheStoreWithItsFreshness() {
        CacheEntryEnvelope written = envelope("{\"a\":1}");
        cache("email_list").put(KEY, written);
        manager.close();
        manager = manager();

        CacheEntryEnvelope loaded = cache("email_list").get(KEY);

        assertThat(loaded).isEqualTo(written);
        assertThat(loaded.freshUntil()).isEqualTo(written.freshUntil());
    }

    @Test
    void get_afterStaleTtl_isAMissInBothTiers() {
        Cache<EntryKey, CacheEntryEnvelope> cache = cache("email_list");
        cache.put(KEY, envelope("{\"a\":1}"));

        clock.advance(Duration.ofMinutes(10));

        assertThat(cache.get(KEY)).isNull();
    }

    @Test
    void expiredEntry_isAMissForGet_butTheStoreStillHoldsItForStaleIfError() {
        Cache<EntryKey, CacheEntryEnvelope> cache = cache("email_list");
        CacheEntryEnvelope written = envelope("{\"a\":1}");
        cache.put(KEY, written);

        clock.advance(Duration.ofHours(3));

        assertThat(cache.get(KEY))
                .as("a normal read: past stale is fetched again")
                .isNull();
        assertThat(new StoreLoaderWriter(LiveStore.of(store), "email_list", clock).stored(KEY))
                .contains(written);
    }

    @Test
    void remove_deletesFromTheStoreToo() {
        Cache<EntryKey, CacheEntryEnvelope> cache = cache("email_list");
        cache.put(KEY, envelope("{\"a\":1}"));

        assertThat(cache.remove(KEY)).isTrue();

        assertThat(store.read(KEY.text())).isEmpty();
    }

    @Test
    void operations_afterClose_throwIllegalState() {
        Cache<EntryKey, CacheEntryEnvelope> cache = cache("email_list");
        cache.close();

        assertThatThrownBy(() -> cache.get(KEY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void faultedInEntry_livesInTheHeapOnlyUntilItsOwnStaleEnd() {
        cache("email_list").put(KEY, envelope("{\"a\":1}"));
        manager.close();
        manager = manager();
        clock.advance(Duration.ofMinutes(9));
        Cache<EntryKey, CacheEntryEnvelope> cache = cache("email_list");
        assertThat(cache.get(KEY)).isNotNull();
        store.delete(KEY.text()); // from now on only the heap tier could answer

        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.get(KEY)).as("one second before the stale end").isNotNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get(KEY)).as("at the stale end").isNull();
    }

    @Test
    void envelopeAlreadyPastItsStaleEnd_isNotKeptInTheHeap() {
        Cache<EntryKey, CacheEntryEnvelope> cache = cache("email_list");
        CacheEntryEnvelope old = envelope("{\"a\":1}");
        clock.advance(Duration.ofMinutes(10));

        cache.put(KEY, old);

        assertThat(cache.containsKey(KEY)).isFalse();
    }

    @Test
    void entryProcessor_writesThroughToTheStore() {
        Cache<EntryKey, CacheEntryEnvelope> cache = cache("email_list");
        CacheEntryEnvelope value = envelope("{\"b\":2}");

        boolean existed = cache.invoke(
                KEY,
                (entry, args) -> {
                    boolean present = entry.exists();
                    entry.setValue((CacheEntryEnvelope) args[0]);
                    return present;
                },
                value);

        assertThat(existed).isFalse();
        assertThat(store.read(KEY.text()).orElseThrow().payload()).isEqualTo(value.payload());
    }

    @Test
    void createdListener_hearsPutsOnATieredCache() {
        Cache<EntryKey, CacheEntryEnvelope> cache = cache("email_list");
        java.util.List<EntryKey> created = new java.util.concurrent.CopyOnWriteArrayList<>();
        javax.cache.event.CacheEntryCreatedListener<EntryKey, CacheEntryEnvelope> listener =
                events -> events.forEach(event -> created.add(event.getKey()));
        cache.registerCacheEntryListener(new javax.cache.configuration.MutableCacheEntryListenerConfiguration<>(
                new FactoryBuilder.SingletonFactory<>(listener), null, false, true));

        cache.put(KEY, envelope("{\"a\":1}"));

        assertThat(created).containsExactly(KEY);
        assertThat(cache.getConfiguration(TieredConfiguration.class).getCacheEntryListenerConfigurations())
                .hasSize(1);
    }

    @Test
    void heapSizedInMegabytes_evictsBeyondItsBudget() {
        TieredConfiguration<String, CacheEntryEnvelope> configuration = new TieredConfiguration<>();
        configuration.setTypes(String.class, CacheEntryEnvelope.class);
        configuration.setStoreByValue(false);
        configuration.setHeapMegabytes(1);
        Cache<String, CacheEntryEnvelope> cache = manager.createCache("file_list", configuration);

        for (int i = 0; i < 40; i++) {
            cache.put("file_list:acc-a:page=" + i, TTL.envelope(new byte[100_000], clock.instant()));
        }

        long kept = java.util.stream.StreamSupport.stream(cache.spliterator(), false)
                .count();
        assertThat(kept).isBetween(1L, 11L);
    }

    @Test
    void facadeAnswersForTheProvider() {
        Cache<EntryKey, CacheEntryEnvelope> cache = cache("email_list");

        assertThat(cache.getCacheManager()).isSameAs(manager);
        assertThat(manager.getCache("email_list", EntryKey.class, CacheEntryEnvelope.class))
                .isSameAs(cache);
        assertThat(cache.unwrap(TieredCache.class)).isSameAs(cache);
        assertThat(cache.unwrap(org.ehcache.Cache.class)).isNotNull();
        assertThat(cache.getConfiguration(TieredConfiguration.class).getHeapEntries())
                .isEqualTo(100);
    }

    @Test
    void managerOnAnotherClock_forTheSameUri_isRefused() {
        TieredCachingProvider provider = (TieredCachingProvider) manager.getCachingProvider();

        assertThatThrownBy(() -> provider.getCacheManager(
                        manager.getURI(), getClass().getClassLoader(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)))
                .isInstanceOf(IllegalStateException.class);
    }
}
