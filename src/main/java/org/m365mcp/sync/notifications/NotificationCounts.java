package org.m365mcp.sync.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the webhook received since start-up: notifications accepted (changes, lifecycle events) and
 * rejected by {@link Rejection}. Read by the metrics; thread-safe, an increment per event.
 */
@ApplicationScoped
public class NotificationCounts {

    private final LongAdder changes = new LongAdder();
    private final LongAdder lifecycleEvents = new LongAdder();
    private final Map<Rejection, LongAdder> rejected = new EnumMap<>(Rejection.class);

    public NotificationCounts() {
        for (Rejection reason : Rejection.values()) {
            rejected.put(reason, new LongAdder());
        }
    }

    /** Change notifications accepted. */
    public long changes() {
        return changes.sum();
    }

    /** Lifecycle notifications accepted. */
    public long lifecycleEvents() {
        return lifecycleEvents.sum();
    }

    /** POSTs or notifications ignored for {@code reason}. */
    public long rejected(Rejection reason) {
        return rejected.get(reason).sum();
    }

    void change() {
        changes.increment();
    }

    void lifecycleEvent() {
        lifecycleEvents.increment();
    }

    void reject(Rejection reason) {
        rejected.get(reason).increment();
    }
}
