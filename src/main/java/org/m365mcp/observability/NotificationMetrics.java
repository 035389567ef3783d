package org.m365mcp.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.m365mcp.sync.notifications.NotificationCounts;
import org.m365mcp.sync.notifications.Rejection;
import org.m365mcp.sync.notifications.SubscriptionBook;

/**
 * The change notifications' MicroProfile Metrics (application registry, {@code /metrics}), read when
 * scraped:
 *
 * <ul>
 *   <li>{@code m365.notifications.received} tagged {@code type} ({@code change}, {@code lifecycle}):
 *       notifications accepted since start-up;
 *   <li>{@code m365.notifications.rejected} tagged {@code reason} (each {@link Rejection}): POSTs or
 *       notifications ignored since start-up;
 *   <li>{@code m365.notifications.subscriptions.active}: subscriptions held at Graph now.
 * </ul>
 */
@ApplicationScoped
public class NotificationMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    NotificationCounts counts;

    @Inject
    SubscriptionBook book;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Created now, on a thread of the application: the gauges are read on Payara's own threads.
        counts.changes();
        book.activeCount();
        Metadata received =
                meta("m365.notifications.received", "Change notifications accepted since start-up, by type");
        registry.gauge(received, counts, NotificationCounts::changes, new Tag("type", "change"));
        registry.gauge(received, counts, NotificationCounts::lifecycleEvents, new Tag("type", "lifecycle"));
        Metadata rejected = meta(
                "m365.notifications.rejected",
                "Webhook POSTs or notifications ignored since start-up (answered 202), by reason");
        for (Rejection reason : Rejection.values()) {
            registry.gauge(rejected, counts, c -> c.rejected(reason), new Tag("reason", reason.label()));
        }
        registry.gauge(
                meta("m365.notifications.subscriptions.active", "Change notification subscriptions held at Graph now"),
                book,
                SubscriptionBook::activeCount);
    }

    private static Metadata meta(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
