package org.m365mcp.cache.jcache;

import java.time.Clock;
import java.util.Objects;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;

/**
 * A JCache configuration with the tiered provider's extras: the clock that decides expiry and the
 * size of the heap tier.
 *
 * <ul>
 *   <li>The authoritative tier is configured the JSR-107 way: a {@code CacheLoader} / {@code CacheWriter}
 *       factory with read-through and write-through on.</li>
 *   <li>Not thread-safe while being built; the provider copies it when a cache is created.</li>
 * </ul>
 */
public final class TieredConfiguration<K, V> extends MutableConfiguration<K, V> {

    private static final long serialVersionUID = 1L;

    /** Heap-tier entries when none is set: enough for a busy assistant session per cache. */
    public static final long DEFAULT_HEAP_ENTRIES = 10_000;

    private transient Clock clock = Clock.systemUTC();
    private long heapEntries = DEFAULT_HEAP_ENTRIES;

    public TieredConfiguration() {
    }

    public TieredConfiguration(CompleteConfiguration<K, V> configuration) {
        super(configuration);
        if (configuration instanceof TieredConfiguration<K, V> tiered) {
            this.clock = tiered.clock;
            this.heapEntries = tiered.heapEntries;
        }
    }

    public Clock getClock() {
        return clock;
    }

    public TieredConfiguration<K, V> setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    public long getHeapEntries() {
        return heapEntries;
    }

    public TieredConfiguration<K, V> setHeapEntries(long heapEntries) {
        if (heapEntries < 1) {
            throw new IllegalArgumentException("heapEntries must be positive: " + heapEntries);
        }
        this.heapEntries = heapEntries;
        return this;
    }
}
