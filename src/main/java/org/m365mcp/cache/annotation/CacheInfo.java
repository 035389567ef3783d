package org.m365mcp.cache.annotation;

import java.time.Instant;
import java.util.Objects;

/**
 * Which cache state served a result, and when that result was fetched from Graph.
 *
 * @param state    {@code fresh}, {@code stale} (served while a background refresh runs), {@code miss}
 *                 (fetched now and stored), {@code bypass} ({@code use_cache=false}: neither read nor
 *                 stored), or {@code stale_if_error} (Graph failed; an expired entry answered instead)
 * @param cachedAt when the served result was fetched; null for {@code bypass}
 * @param note     what the client should know about this state, e.g. for {@code stale_if_error}
 *                 "Microsoft Graph failed (HTTP 503); this is cached data from 3 h 12 min ago"; null
 *                 for the other states
 */
public record CacheInfo(String state, Instant cachedAt, String note) {

    public static final String FRESH = "fresh";
    public static final String STALE = "stale";
    public static final String MISS = "miss";
    public static final String BYPASS = "bypass";
    public static final String STALE_IF_ERROR = "stale_if_error";

    public CacheInfo {
        Objects.requireNonNull(state, "state");
    }

    /** A state that needs no note. */
    public CacheInfo(String state, Instant cachedAt) {
        this(state, cachedAt, null);
    }
}
