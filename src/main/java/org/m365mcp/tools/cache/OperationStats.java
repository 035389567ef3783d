package org.m365mcp.tools.cache;

import java.util.Map;
import org.m365mcp.cache.entries.CacheStatistics.Outcome;

/**
 * How the calls of one cached operation were served since start-up.
 *
 * @param staleIfErrorServes reads Graph failed that an expired entry answered (stale-if-error); in
 *     neither hits nor misses
 * @param hitRate (fresh + stale) / (fresh + stale + misses); 0 when there were none
 */
public record OperationStats(
        long freshHits,
        long staleHits,
        long misses,
        long refreshes,
        long bypasses,
        long staleIfErrorServes,
        double hitRate) {

    static OperationStats of(Map<Outcome, Long> counts) {
        long fresh = counts.getOrDefault(Outcome.FRESH, 0L);
        long stale = counts.getOrDefault(Outcome.STALE, 0L);
        long misses = counts.getOrDefault(Outcome.MISS, 0L);
        return new OperationStats(
                fresh,
                stale,
                misses,
                counts.getOrDefault(Outcome.REFRESH, 0L),
                counts.getOrDefault(Outcome.BYPASS, 0L),
                counts.getOrDefault(Outcome.STALE_IF_ERROR, 0L),
                rate(fresh + stale, misses));
    }

    static double rate(long hits, long misses) {
        long lookups = hits + misses;
        return lookups == 0 ? 0.0 : Math.round(hits * 10_000.0 / lookups) / 10_000.0;
    }

    long hits() {
        return freshHits + staleHits;
    }
}
