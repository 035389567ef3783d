package org.m365mcp.cache.annotation;

/**
 * Where the cache sends stale entries to be refreshed without blocking the call that found them.
 *
 * <p>Implemented by the background package (a bounded, coalescing refresher on the managed
 * executor); this interface keeps {@code cache.annotation} free of it. Implementations are
 * thread-safe and never block nor throw.
 */
public interface BackgroundRefresh {

    /**
     * Asks for {@code refresh} to run in the background.
     *
     * @return true if it was scheduled; false if one for the same key is in flight or queued
     *     (coalesced), or the queue is full (dropped and counted)
     */
    boolean schedule(StaleRefresh refresh);

    /**
     * Waits, at most the configured join wait, for a refresh of {@code cacheKey} that is queued or
     * running (a stale refresh, or a listing a change dropped being fetched again) to end, so that a
     * read finding no entry meanwhile is answered by it rather than fetching the same again.
     *
     * @return true when one was in flight and ended in time (what it fetched, if anything, is cached);
     *     false at once when none was, and always from an implementation that does not track them
     */
    default boolean awaitInFlight(String cacheKey) {
        return false;
    }
}
