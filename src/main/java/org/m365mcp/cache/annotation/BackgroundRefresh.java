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
}
