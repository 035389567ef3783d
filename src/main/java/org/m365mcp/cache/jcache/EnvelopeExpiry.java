package org.m365mcp.cache.jcache;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.ehcache.expiry.ExpiryPolicy;

/**
 * The heap lifetime of a {@link CacheEntryEnvelope}: until its own {@code staleUntil}, whether it was
 * just fetched or faulted in from the durable tier minutes after it was created. An envelope already
 * past its stale window gets a zero lifetime, so the heap never holds it.
 *
 * <p>Stateless apart from the clock; thread-safe.
 */
final class EnvelopeExpiry implements ExpiryPolicy<Object, CacheEntryEnvelope> {

    private final Clock clock;

    EnvelopeExpiry(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Duration getExpiryForCreation(Object key, CacheEntryEnvelope value) {
        return remaining(value);
    }

    @Override
    public Duration getExpiryForAccess(Object key, Supplier<? extends CacheEntryEnvelope> value) {
        return null; // reading does not extend an entry's life
    }

    @Override
    public Duration getExpiryForUpdate(Object key, Supplier<? extends CacheEntryEnvelope> oldValue,
            CacheEntryEnvelope newValue) {
        return remaining(newValue);
    }

    private Duration remaining(CacheEntryEnvelope value) {
        Duration left = Duration.between(clock.instant(), value.staleUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
