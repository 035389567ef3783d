package org.m365mcp.cache.jcache;

import java.time.Duration;
import java.time.Instant;

/**
 * An entry's lifetime in the heap tier, decided from the entry itself: for values that carry their
 * own end of life, which JSR-107's {@link javax.cache.expiry.ExpiryPolicy} (one duration per cache)
 * cannot express. Given to a cache through {@link TieredConfiguration#setEntryExpiryFactory}, in
 * place of the JCache expiry policy, as Caffeine's JCache module takes its {@code Expiry}.
 *
 * <ul>
 *   <li>Durations are counted from {@code now}, read from the cache manager's clock;
 *       {@link Duration#ZERO} means the entry is not kept.</li>
 *   <li>Implementations are thread-safe and quick: they run inside every heap write.</li>
 * </ul>
 */
public interface EntryExpiry<K, V> {

    /** How long a newly created entry lives, from {@code now}; never null. */
    Duration afterCreation(K key, V value, Instant now);

    /** How long an entry lives after its value was replaced, from {@code now}; by default as if created. */
    default Duration afterUpdate(K key, V value, Instant now) {
        return afterCreation(key, value, now);
    }

    /** The lifetime after a read, from {@code now}, or null to leave it unchanged (the default). */
    default Duration afterAccess(K key, Instant now) {
        return null;
    }
}
