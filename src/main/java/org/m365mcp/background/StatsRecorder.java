package org.m365mcp.background;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.m365mcp.cache.entries.CacheStatistics;
import org.m365mcp.cache.entries.CacheStatistics.Outcome;
import org.m365mcp.cache.entries.LatencyPercentiles;
import org.m365mcp.cache.lifecycle.EncryptedStore;
import org.m365mcp.cache.store.StatsRow;
import org.m365mcp.cache.store.StoreSummary;

/**
 * Writes one {@code cache_stats} row per resource type (operation): hits, misses and evictions since
 * the previous row, response-time percentiles over that period, and the entries held now.
 *
 * <ul>
 *   <li>Hits are fresh and stale serves; misses are misses and refreshes (Graph answered); bypassed
 *       calls are neither.</li>
 *   <li>A type with no call, no eviction and no entry gets no row.</li>
 *   <li>Rows cover all accounts ({@code account_id} null): the counters are kept per operation.</li>
 *   <li>Calls are serialized (one timer); without a store nothing is written and counts carry over.</li>
 * </ul>
 */
@ApplicationScoped
public class StatsRecorder {

    @Inject
    EncryptedStore encryptedStore;

    @Inject
    CacheStatistics statistics;

    @Inject
    Clock clock;

    private Map<String, Map<Outcome, Long>> previousCalls = Map.of();
    private Map<String, Long> previousEvictions = Map.of();

    /** Records the rows of the period since the previous call; returns them. */
    public synchronized List<StatsRow> record() {
        if (encryptedStore.store().isEmpty()) {
            return List.of();
        }
        Map<String, Map<Outcome, Long>> calls = statistics.snapshot();
        Map<String, Long> evictions = statistics.evictions();
        Map<String, LatencyPercentiles> latencies = statistics.drainLatencies();
        Map<String, StoreSummary> held = encryptedStore.store().get().apply(s -> s.summaryByResourceType());
        Instant now = clock.instant();
        Set<String> types = new TreeSet<>(calls.keySet());
        types.addAll(evictions.keySet());
        types.addAll(held.keySet());
        List<StatsRow> rows = new ArrayList<>();
        for (String type : types) {
            long hits = delta(calls, type, Outcome.FRESH) + delta(calls, type, Outcome.STALE);
            long misses = delta(calls, type, Outcome.MISS) + delta(calls, type, Outcome.REFRESH);
            long evicted = evictions.getOrDefault(type, 0L) - previousEvictions.getOrDefault(type, 0L);
            StoreSummary summary = held.getOrDefault(type, new StoreSummary(0, 0, 0));
            LatencyPercentiles latency = latencies.get(type);
            if (hits + misses + evicted + summary.entries() == 0 && latency == null) {
                continue;
            }
            rows.add(new StatsRow(
                    now,
                    null,
                    type,
                    hits,
                    misses,
                    evicted,
                    latency == null ? null : latency.p50Ms(),
                    latency == null ? null : latency.p95Ms(),
                    latency == null ? null : latency.p99Ms(),
                    summary.entries(),
                    summary.storedBytes(),
                    summary.uncompressedBytes()));
        }
        encryptedStore.store().get().apply(s -> {
            s.stats().record(rows);
            return null;
        });
        previousCalls = calls;
        previousEvictions = new HashMap<>(evictions);
        return rows;
    }

    private long delta(Map<String, Map<Outcome, Long>> calls, String type, Outcome outcome) {
        long now = calls.getOrDefault(type, Map.of()).getOrDefault(outcome, 0L);
        return now - previousCalls.getOrDefault(type, Map.of()).getOrDefault(outcome, 0L);
    }
}
