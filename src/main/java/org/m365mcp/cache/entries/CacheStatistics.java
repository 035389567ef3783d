package org.m365mcp.cache.entries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts how each cached call was served, per operation, since the server started; and keeps what
 * the periodic statistics rows need: evictions and response times.
 *
 * <ul>
 *   <li>Every intercepted call is counted exactly once: fresh hit, stale hit, miss, refresh
 *       ({@code force_refresh} or background), bypass ({@code use_cache=false}) or stale-if-error
 *       (Graph failed, the cache answered), and announced as a {@link CallServed} event.</li>
 *   <li>Response times are kept per operation until {@link #drainLatencies()} takes them.</li>
 *   <li>Thread-safe.</li>
 * </ul>
 */
@ApplicationScoped
public class CacheStatistics {

    /** What happened to one call. */
    public enum Outcome {
        FRESH,
        STALE,
        MISS,
        REFRESH,
        BYPASS,
        /** Graph failed and an expired (or stale) entry answered instead: stale-if-error. */
        STALE_IF_ERROR
    }

    @Inject
    Event<CallServed> served;

    @Inject
    Event<EntriesEvicted> evicted;

    private final ConcurrentMap<String, Map<Outcome, LongAdder>> counts = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> evictions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LatencySamples> latencies = new ConcurrentHashMap<>();

    /**
     * Counts one served call of {@code operation} for {@code accountId} with the key parameters
     * {@code params}, and its response time; announces it as {@link CallServed}.
     */
    public void record(
            String operation, String accountId, Map<String, String> params, Outcome outcome, Duration elapsed) {
        counts.computeIfAbsent(operation, op -> {
                    Map<Outcome, LongAdder> byOutcome = new EnumMap<>(Outcome.class);
                    for (Outcome o : Outcome.values()) {
                        byOutcome.put(o, new LongAdder());
                    }
                    return byOutcome;
                })
                .get(outcome)
                .increment();
        latencies.computeIfAbsent(operation, op -> new LatencySamples()).add(elapsed.toNanos());
        if (served != null) {
            served.fire(new CallServed(operation, accountId, params, outcome, elapsed));
        }
    }

    /** Counts {@code count} entries of {@code operation} removed to keep the store within its limits. */
    public void recordEvictions(String operation, long count) {
        evictions.computeIfAbsent(operation, op -> new LongAdder()).add(count);
        if (evicted != null) {
            evicted.fire(new EntriesEvicted(operation, count));
        }
    }

    /** A snapshot: operation → outcome → count, operations sorted by name. */
    public Map<String, Map<Outcome, Long>> snapshot() {
        Map<String, Map<Outcome, Long>> snapshot = new TreeMap<>();
        counts.forEach((operation, byOutcome) -> {
            Map<Outcome, Long> copy = new EnumMap<>(Outcome.class);
            byOutcome.forEach((outcome, adder) -> copy.put(outcome, adder.sum()));
            snapshot.put(operation, copy);
        });
        return snapshot;
    }

    /** Evictions per operation since start-up, sorted by name. */
    public Map<String, Long> evictions() {
        Map<String, Long> snapshot = new TreeMap<>();
        evictions.forEach((operation, adder) -> snapshot.put(operation, adder.sum()));
        return snapshot;
    }

    /** Response-time percentiles (ms) per operation since the last call, then forgotten. */
    public Map<String, LatencyPercentiles> drainLatencies() {
        Map<String, LatencyPercentiles> drained = new TreeMap<>();
        latencies.forEach((operation, samples) -> samples.drain().ifPresent(p -> drained.put(operation, p)));
        return drained;
    }
}
