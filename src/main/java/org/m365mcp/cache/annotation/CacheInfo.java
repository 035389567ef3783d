package org.m365mcp.cache.annotation;

import java.time.Instant;
import java.util.Objects;

/**
 * Which cache state served a result, and when that result was fetched from Graph.
 *
 * @param state    {@code fresh}, {@code stale} (served while a background refresh runs), {@code miss}
 *                 (fetched now and stored), or {@code bypass} ({@code use_cache=false}: neither read nor stored)
 * @param cachedAt when the served result was fetched; null for {@code bypass}
 */
public record CacheInfo(String state, Instant cachedAt) {

    public static final String FRESH = "fresh";
    public static final String STALE = "stale";
    public static final String MISS = "miss";
    public static final String BYPASS = "bypass";

    public CacheInfo {
        Objects.requireNonNull(state, "state");
    }
}
