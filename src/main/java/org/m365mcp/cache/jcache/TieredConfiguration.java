package org.m365mcp.cache.jcache;

import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;

/**
 * A JCache configuration with the tiered provider's extras: how large the Ehcache heap tier may
 * grow, by entries (the default) or by megabytes, and optionally an {@link EntryExpiry} that
 * decides each entry's heap lifetime from the entry itself.
 *
 * <ul>
 *   <li>The durable tier is configured the JSR-107 way: a {@code CacheLoader} / {@code CacheWriter}
 *       factory with read-through and write-through on.</li>
 *   <li>With an entry expiry factory set, an entry's heap lifetime is what that expiry answers
 *       (counted on the manager's clock) and the JCache expiry policy factory is not consulted;
 *       without one, the JCache expiry policy applies.</li>
 *   <li>Sizing by megabytes uses Ehcache's object-graph sizing, which Ehcache deprecates and which
 *       under-counts JDK internals on Java 17; prefer entries unless payload sizes vary wildly.</li>
 *   <li>Not thread-safe while being built; the manager copies it when a cache is created.</li>
 * </ul>
 */
public final class TieredConfiguration<K, V> extends MutableConfiguration<K, V> {

    private static final long serialVersionUID = 3L;

    /** Heap-tier entries when none is set: enough for a busy assistant session per cache. */
    public static final long DEFAULT_HEAP_ENTRIES = 10_000;

    private long heapEntries = DEFAULT_HEAP_ENTRIES;
    private long heapMegabytes;
    private Factory<? extends EntryExpiry<? super K, ? super V>> entryExpiryFactory;

    public TieredConfiguration() {}

    public TieredConfiguration(CompleteConfiguration<K, V> configuration) {
        super(configuration);
        if (configuration instanceof TieredConfiguration<K, V> tiered) {
            this.heapEntries = tiered.heapEntries;
            this.heapMegabytes = tiered.heapMegabytes;
            this.entryExpiryFactory = tiered.entryExpiryFactory;
        }
    }

    /** The heap tier's size in entries, or 0 when it is sized in megabytes. */
    public long getHeapEntries() {
        return heapEntries;
    }

    /** Sizes the heap tier by entry count (replacing any size in megabytes). */
    public TieredConfiguration<K, V> setHeapEntries(long heapEntries) {
        this.heapEntries = positive(heapEntries, "heapEntries");
        this.heapMegabytes = 0;
        return this;
    }

    /** The heap tier's size in megabytes, or 0 when it is sized in entries. */
    public long getHeapMegabytes() {
        return heapMegabytes;
    }

    /** Sizes the heap tier by memory (replacing any size in entries). */
    public TieredConfiguration<K, V> setHeapMegabytes(long heapMegabytes) {
        this.heapMegabytes = positive(heapMegabytes, "heapMegabytes");
        this.heapEntries = 0;
        return this;
    }

    /** The factory of the per-entry expiry, or null when the JCache expiry policy applies. */
    public Factory<? extends EntryExpiry<? super K, ? super V>> getEntryExpiryFactory() {
        return entryExpiryFactory;
    }

    /**
     * Lets {@code factory}'s expiry decide each entry's heap lifetime in place of the JCache expiry
     * policy; null returns to the policy.
     */
    public TieredConfiguration<K, V> setEntryExpiryFactory(
            Factory<? extends EntryExpiry<? super K, ? super V>> factory) {
        this.entryExpiryFactory = factory;
        return this;
    }

    private static long positive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}
