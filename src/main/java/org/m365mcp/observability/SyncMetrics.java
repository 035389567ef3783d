package org.m365mcp.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.m365mcp.background.RefreshScheduler;
import org.m365mcp.sync.SyncCounters;

/**
 * The delta sync's MicroProfile Metrics (issue 16 item 7), read when scraped:
 * {@code m365.sync.pulls}, {@code m365.sync.pulls.failed}, {@code m365.sync.resyncs},
 * {@code m365.sync.changes} (changes made outside this server, applied),
 * {@code m365.sync.entries.invalidated}, {@code m365.sync.entries.patched} (corrected in place instead),
 * {@code m365.sync.graph.requests} (Graph requests spent on
 * sync) and {@code m365.cache.revalidated} (stale entries made fresh again without a refetch, by a
 * delta round or a conditional GET).
 */
@ApplicationScoped
public class SyncMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    SyncCounters counters;

    @Inject
    RefreshScheduler refreshes;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        gauge("m365.sync.pulls", "Delta rounds completed since start-up", SyncCounters::pulls);
        gauge(
                "m365.sync.pulls.failed",
                "Delta rounds that failed (retried from the same link)",
                SyncCounters::failedPulls);
        gauge("m365.sync.resyncs", "Resyncs after an expired delta token or missed changes", SyncCounters::resyncs);
        gauge("m365.sync.changes", "Changes made outside this server, applied to the cache", SyncCounters::changes);
        gauge(
                "m365.sync.entries.invalidated",
                "Cache entries removed because of changes made outside this server",
                SyncCounters::entriesInvalidated);
        gauge(
                "m365.sync.entries.patched",
                "Cache entries corrected in place (a read state or flag changed elsewhere) instead of removed",
                SyncCounters::entriesPatched);
        gauge("m365.sync.graph.requests", "Graph requests spent on delta sync", SyncCounters::graphRequests);
        refreshes.revalidated();
        registry.gauge(
                Metadata.builder()
                        .withName("m365.cache.revalidated")
                        .withDescription("Stale entries made fresh again without a refetch (Graph unchanged)")
                        .build(),
                refreshes,
                RefreshScheduler::revalidated);
    }

    private void gauge(String name, String description, ToLongFunction<SyncCounters> count) {
        registry.gauge(
                Metadata.builder().withName(name).withDescription(description).build(),
                counters,
                c -> count.applyAsLong(c));
    }
}
