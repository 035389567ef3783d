package org.m365mcp.benchmarks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.Caching;
import org.m365mcp.cache.entries.CacheEntryEnvelope;
import org.m365mcp.cache.entries.EntryKey;
import org.m365mcp.cache.entries.StoreLoaderWriter;
import org.m365mcp.cache.entries.TtlPolicy;
import org.m365mcp.cache.jcache.TieredCacheManager;
import org.m365mcp.cache.jcache.TieredCachingProvider;
import org.m365mcp.cache.jcache.TieredConfiguration;
import org.m365mcp.cache.store.BenchmarkStores;
import org.m365mcp.cache.store.LiveStore;
import org.m365mcp.cache.store.SizeLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The read and write paths of one tiered cache over a real SQLCipher store, for Graph-shaped payloads
 * of about 1, 25 and 250 KB, and over the same store without encryption ({@code encryption=none}),
 * which shows what encryption costs.
 *
 * <ul>
 *   <li>{@code heapHit}: {@code Cache.get} answered by the Ehcache heap tier.</li>
 *   <li>{@code storeHit}: what a heap miss costs: the store tier's load (SQL read, decryption,
 *       gunzip above 50 KB, the envelope) through {@link StoreLoaderWriter}.</li>
 *   <li>{@code put}: {@code Cache.put}, written through to the store (gzip above 50 KB, encryption)
 *       and kept in the heap.</li>
 *   <li>{@code heapHit} never reaches the store: its two {@code encryption} rows differ by noise
 *       only, which tells how far apart two rows must be to mean anything.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TieredCacheBenchmark {

    private static final TtlPolicy TTL = new TtlPolicy(Duration.ofMinutes(2), Duration.ofMinutes(10));
    private static final EntryKey KEY = EntryKey.parse("email_list:bench:folder=inbox&limit=50");
    private static final int PUT_KEYS = 64;
    private static final EntryKey[] PUT = java.util.stream.IntStream.range(0, PUT_KEYS)
            .mapToObj(page -> EntryKey.parse("email_list:bench:page=" + page)).toArray(EntryKey[]::new);

    @Param({"1", "25", "250"})
    public int payloadKb;

    @Param({BenchmarkStores.SQLCIPHER, BenchmarkStores.NONE})
    public String encryption;

    private TempStore store;
    private TieredCacheManager manager;
    private Cache<EntryKey, CacheEntryEnvelope> cache;
    private StoreLoaderWriter loaderWriter;
    private CacheEntryEnvelope envelope;
    private int next;

    @Setup
    public void open() throws Exception {
        Clock clock = Clock.systemUTC();
        store = TempStore.open(encryption, SizeLimits.defaults(), clock);
        loaderWriter = new StoreLoaderWriter(LiveStore.of(store.store()), "email_list", clock);
        TieredConfiguration<EntryKey, CacheEntryEnvelope> configuration = loaderWriter.tieredConfiguration();
        TieredCachingProvider provider = (TieredCachingProvider) Caching.getCachingProvider(
                TieredCachingProvider.class.getName());
        manager = provider.getCacheManager(URI.create("urn:m365-mcp:jmh"), getClass().getClassLoader(), clock);
        cache = manager.createCache("email_list", configuration);
        envelope = TTL.envelope(GraphPayloads.messagesPage(payloadKb), clock.instant());
        cache.put(KEY, envelope);
    }

    @TearDown
    public void close() throws Exception {
        manager.close();
        store.close();
    }

    @Benchmark
    public CacheEntryEnvelope heapHit() {
        return cache.get(KEY);
    }

    @Benchmark
    public CacheEntryEnvelope storeHit() {
        return loaderWriter.load(KEY);
    }

    @Benchmark
    public void put() {
        cache.put(PUT[next++ % PUT_KEYS], envelope);
    }
}
