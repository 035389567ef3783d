package org.m365mcp.cache.jcache;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.ehcache.expiry.ExpiryPolicy;

/**
 * A JSR-107 {@link javax.cache.expiry.ExpiryPolicy} presented to Ehcache's heap tier: the same
 * durations, eternal as infinite, {@code null} as "leave unchanged".
 *
 * <p>Thread-safety is the policy's.
 */
final class JCacheExpiryAdapter<K, V> implements ExpiryPolicy<K, V> {

    private final javax.cache.expiry.ExpiryPolicy policy;

    JCacheExpiryAdapter(javax.cache.expiry.ExpiryPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public Duration getExpiryForCreation(K key, V value) {
        Duration duration = convert(policy.getExpiryForCreation());
        return duration == null ? INFINITE : duration;
    }

    @Override
    public Duration getExpiryForAccess(K key, Supplier<? extends V> value) {
        return convert(policy.getExpiryForAccess());
    }

    @Override
    public Duration getExpiryForUpdate(K key, Supplier<? extends V> oldValue, V newValue) {
        return convert(policy.getExpiryForUpdate());
    }

    private static Duration convert(javax.cache.expiry.Duration duration) {
        if (duration == null) {
            return null;
        }
        if (duration.isEternal()) {
            return INFINITE;
        }
        return Duration.ofNanos(duration.getTimeUnit().toNanos(duration.getDurationAmount()));
    }
}
