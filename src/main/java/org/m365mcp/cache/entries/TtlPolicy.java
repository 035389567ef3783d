package org.m365mcp.cache.entries;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The fresh and stale TTLs of one cache (SPEC §2).
 *
 * @param fresh how long a result is served without a refresh
 * @param stale how long, from creation, a result may be served at all (with a background refresh)
 */
public record TtlPolicy(Duration fresh, Duration stale) {

    public TtlPolicy {
        Objects.requireNonNull(fresh, "fresh");
        Objects.requireNonNull(stale, "stale");
        if (fresh.isNegative() || stale.compareTo(fresh) < 0) {
            throw new IllegalArgumentException("Need 0 <= fresh <= stale, got fresh=" + fresh + " stale=" + stale);
        }
    }

    /** Wraps a freshly fetched payload created at {@code now}. */
    public CacheEntryEnvelope envelope(byte[] payload, Instant now) {
        return envelope(payload, now, Map.of());
    }

    /** Wraps a freshly fetched payload created at {@code now} by a call with the key {@code params}. */
    public CacheEntryEnvelope envelope(byte[] payload, Instant now, Map<String, String> params) {
        return new CacheEntryEnvelope(payload, now, now.plus(fresh), now.plus(stale), params);
    }
}
