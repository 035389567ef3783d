package org.m365mcp.cache.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts how each cached call was served, per operation, since the server started.
 *
 * <p>Every intercepted call is counted exactly once: fresh hit, stale hit, miss, refresh
 * ({@code force_refresh} or background) or bypass ({@code use_cache=false}). Thread-safe.
 */
@ApplicationScoped
public class CacheStatistics {

    /** What happened to one call. */
    public enum Outcome { FRESH, STALE, MISS, REFRESH, BYPASS }

    private final ConcurrentMap<String, Map<Outcome, LongAdder>> counts = new ConcurrentHashMap<>();

    void record(String operation, Outcome outcome) {
        counts.computeIfAbsent(operation, op -> {
            Map<Outcome, LongAdder> byOutcome = new java.util.EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                byOutcome.put(o, new LongAdder());
            }
            return byOutcome;
        }).get(outcome).increment();
    }

    /** A snapshot: operation → outcome → count, operations sorted by name. */
    public Map<String, Map<Outcome, Long>> snapshot() {
        Map<String, Map<Outcome, Long>> snapshot = new TreeMap<>();
        counts.forEach((operation, byOutcome) -> {
            Map<Outcome, Long> copy = new java.util.EnumMap<>(Outcome.class);
            byOutcome.forEach((outcome, adder) -> copy.put(outcome, adder.sum()));
            snapshot.put(operation, copy);
        });
        return snapshot;
    }
}
