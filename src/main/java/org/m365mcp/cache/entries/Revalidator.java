package org.m365mcp.cache.entries;

/**
 * Tells, more cheaply than refetching it, whether a stale cached entry still holds what Graph has:
 * one delta request or one conditional GET, instead of the whole call again.
 *
 * <p>The background refresh asks every revalidator bean before it refetches a stale entry: when one
 * answers {@link Verdict#UNCHANGED}, the entry is made fresh again as it is ("revalidated");
 * otherwise the entry is refetched. Implementations are thread-safe; they may call Graph (at most
 * one request) and must not throw: a failure is {@link Verdict#UNKNOWN}.
 */
public interface Revalidator {

    /** What a revalidator found. */
    enum Verdict {
        /** Graph has the same data as the entry: keep it, fresh again. */
        UNCHANGED,
        /** Graph's data changed: refetch. */
        CHANGED,
        /** This revalidator cannot tell (not its operation, no ETag, Graph failed): ask on, or refetch. */
        UNKNOWN
    }

    /**
     * Whether the entry {@code key} (cached as {@code entry}) is unchanged in Graph since it was
     * fetched.
     */
    Verdict check(EntryKey key, CacheEntryEnvelope entry);
}
