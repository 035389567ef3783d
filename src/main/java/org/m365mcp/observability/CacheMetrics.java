package org.m365mcp.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.m365mcp.background.RefreshCounts;
import org.m365mcp.background.RefreshScheduler;
import org.m365mcp.background.TaskWorker;
import org.m365mcp.cache.entries.CacheStatistics.Outcome;
import org.m365mcp.cache.entries.CallServed;
import org.m365mcp.cache.entries.EntriesEvicted;

/**
 * The cache's MicroProfile Metrics (application registry, served at {@code /metrics}):
 *
 * <ul>
 *   <li>per call, tagged {@code operation} (and {@code state}): {@code m365.cache.calls},
 *       {@code m365.cache.hits}, {@code m365.cache.misses}, {@code m365.cache.stale.serves},
 *       {@code m365.cache.stale_if_error.serves} (Graph failed, an expired entry answered),
 *       {@code m365.graph.calls} (calls Graph answered: miss, refresh, bypass) and the timer
 *       {@code m365.cache.call.duration} (nanoseconds; percentiles per operation and state);</li>
 *   <li>{@code m365.cache.evictions} per operation, counted by the cleanup timer;</li>
 *   <li>read when scraped: {@code m365.cache.refreshes} tagged {@code outcome} (scheduled,
 *       coalesced, dropped, completed, failed), {@code m365.cache.refresh.queued},
 *       {@code m365.tasks.completed} and {@code m365.tasks.failed}.</li>
 * </ul>
 * Observers run on the tool call's thread: a map look-up and an increment each (a call's metrics are
 * looked up in the registry once per operation and outcome, then kept).
 */
@ApplicationScoped
public class CacheMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    RefreshScheduler refreshes;

    @Inject
    TaskWorker worker;

    private final Map<String, Map<Outcome, ServedMetrics>> served = new ConcurrentHashMap<>();

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Created now, on a thread of the application: the gauges are read on Payara's own threads,
        // where the scheduler's container resources could not be injected.
        refreshes.counts();
        refreshGauge("scheduled", RefreshCounts::scheduled);
        refreshGauge("coalesced", RefreshCounts::coalesced);
        refreshGauge("dropped", RefreshCounts::dropped);
        refreshGauge("completed", RefreshCounts::completed);
        refreshGauge("failed", RefreshCounts::failed);
        refreshGauge("joined", RefreshCounts::joined);
        registry.gauge(
                meta("m365.cache.refresh.queued", "Stale refreshes waiting for an executor thread"),
                refreshes,
                r -> r.counts().queued());
        registry.gauge(
                meta("m365.tasks.completed", "Background tasks completed since start-up"),
                worker,
                w -> w.status().completed());
        registry.gauge(
                meta("m365.tasks.failed", "Background task runs that failed since start-up"),
                worker,
                w -> w.status().failed());
    }

    private void refreshGauge(String outcome, ToLongFunction<RefreshCounts> count) {
        registry.gauge(
                meta("m365.cache.refreshes", "Background refresh requests since start-up, by outcome"),
                refreshes,
                r -> count.applyAsLong(r.counts()),
                new Tag("outcome", outcome));
    }

    void served(@Observes CallServed call) {
        ServedMetrics metrics = served.computeIfAbsent(call.operation(), operation -> new ConcurrentHashMap<>())
                .computeIfAbsent(call.outcome(), outcome -> metricsOf(call));
        metrics.counters().forEach(Counter::inc);
        metrics.duration().update(call.elapsed());
    }

    /**
     * The metrics a call of one operation served one way moves, looked up once and kept: the
     * registry's look-up builds and sorts the tags, a cost a cache hit should not pay every time.
     */
    private record ServedMetrics(Timer duration, List<Counter> counters) {}

    private ServedMetrics metricsOf(CallServed call) {
        Tag operation = new Tag("operation", call.operation());
        Tag state = new Tag("state", call.outcome().name().toLowerCase(Locale.ROOT));
        List<Counter> counters = new ArrayList<>();
        counters.add(registry.counter("m365.cache.calls", operation, state));
        switch (call.outcome()) {
            case FRESH -> counters.add(registry.counter("m365.cache.hits", operation));
            case STALE -> {
                counters.add(registry.counter("m365.cache.hits", operation));
                counters.add(registry.counter("m365.cache.stale.serves", operation));
            }
            case MISS, REFRESH -> counters.add(registry.counter("m365.cache.misses", operation));
            case STALE_IF_ERROR ->
                counters.add(registry.counter(
                        meta(
                                "m365.cache.stale_if_error.serves",
                                "Reads Graph failed and an expired cached entry answered (stale-if-error)"),
                        operation));
            case BYPASS -> {}
        }
        if (call.calledGraph()) {
            counters.add(registry.counter("m365.graph.calls", operation));
        }
        // No unit in the metadata: Payara then prints every figure in nanoseconds; with one, it printed
        // the sum in seconds but the quantiles in nanoseconds.
        Timer duration = registry.timer(
                meta(
                        "m365.cache.call.duration",
                        "Time of a cached operation's call in nanoseconds, Graph included when it was asked"),
                operation,
                state);
        return new ServedMetrics(duration, List.copyOf(counters));
    }

    void evicted(@Observes EntriesEvicted eviction) {
        registry.counter(
                        meta("m365.cache.evictions", "Entries removed to keep the store under its limits"),
                        new Tag("operation", eviction.operation()))
                .inc(eviction.count());
    }

    private static Metadata meta(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
