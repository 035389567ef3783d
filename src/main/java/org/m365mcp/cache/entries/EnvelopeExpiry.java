package org.m365mcp.cache.entries;

import java.time.Duration;
import java.time.Instant;
import javax.cache.configuration.FactoryBuilder;
import org.m365mcp.cache.jcache.EntryExpiry;
import org.m365mcp.cache.jcache.TieredConfiguration;

/**
 * The heap lifetime of a {@link CacheEntryEnvelope}: until its own {@code staleUntil}, whether it was
 * just fetched or faulted in from the durable tier minutes after it was created. An envelope already
 * past its stale window gets a zero lifetime, so the heap never holds it. Reading does not extend an
 * entry's life.
 *
 * <p>Stateless; thread-safe.
 */
final class EnvelopeExpiry implements EntryExpiry<Object, CacheEntryEnvelope> {

    /**
     * A tiered configuration for envelopes under {@link EntryKey}s: stored by reference (envelopes are
     * immutable), each living in the heap until its own stale end. Add the durable tier and the heap
     * size to it.
     */
    static TieredConfiguration<EntryKey, CacheEntryEnvelope> configuration() {
        TieredConfiguration<EntryKey, CacheEntryEnvelope> configuration = new TieredConfiguration<>();
        configuration.setTypes(EntryKey.class, CacheEntryEnvelope.class);
        configuration.setStoreByValue(false);
        configuration.setEntryExpiryFactory(new FactoryBuilder.SingletonFactory<>(new EnvelopeExpiry()));
        return configuration;
    }

    @Override
    public Duration afterCreation(Object key, CacheEntryEnvelope value, Instant now) {
        Duration left = Duration.between(now, value.staleUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
