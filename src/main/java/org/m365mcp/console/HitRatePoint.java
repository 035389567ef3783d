package org.m365mcp.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.m365mcp.cache.store.StatsRow;

/**
 * One point of the hit-rate chart: the hits and misses of every resource type recorded at one time.
 *
 * @param hitRate hits / (hits + misses), 0 when there were none
 */
public record HitRatePoint(Instant at, long hits, long misses, double hitRate) {

    /** {@code rows} summed per recording time, oldest first. */
    static List<HitRatePoint> of(List<StatsRow> rows) {
        Map<Instant, long[]> byTime = new TreeMap<>();
        for (StatsRow row : rows) {
            long[] sums = byTime.computeIfAbsent(row.recordedAt(), at -> new long[2]);
            sums[0] += row.hitCount();
            sums[1] += row.missCount();
        }
        return byTime.entrySet().stream()
                .map(e -> point(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    static HitRatePoint point(Instant at, long hits, long misses) {
        long lookups = hits + misses;
        return new HitRatePoint(
                at, hits, misses, lookups == 0 ? 0.0 : Math.round(hits * 10_000.0 / lookups) / 10_000.0);
    }
}
