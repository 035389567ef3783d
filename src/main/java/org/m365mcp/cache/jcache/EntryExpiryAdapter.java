package org.m365mcp.cache.jcache;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.ehcache.expiry.ExpiryPolicy;

/**
 * An {@link EntryExpiry} presented to Ehcache's heap tier, with {@code now} read from the cache
 * manager's clock. Thread-safety is the expiry's.
 */
final class EntryExpiryAdapter<K, V> implements ExpiryPolicy<K, V> {

    private final EntryExpiry<? super K, ? super V> expiry;
    private final Clock clock;

    EntryExpiryAdapter(EntryExpiry<? super K, ? super V> expiry, Clock clock) {
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Duration getExpiryForCreation(K key, V value) {
        return expiry.afterCreation(key, value, clock.instant());
    }

    @Override
    public Duration getExpiryForAccess(K key, Supplier<? extends V> value) {
        return expiry.afterAccess(key, clock.instant());
    }

    @Override
    public Duration getExpiryForUpdate(K key, Supplier<? extends V> oldValue, V newValue) {
        return expiry.afterUpdate(key, newValue, clock.instant());
    }
}
