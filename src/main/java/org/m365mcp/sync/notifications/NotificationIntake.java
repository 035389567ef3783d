package org.m365mcp.sync.notifications;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.m365mcp.sync.ChangeSignals;
import org.m365mcp.sync.SyncKind;

/**
 * What a webhook POST's notifications do: each is checked against the subscriptions this server holds
 * and then turned into a signal for the delta sync, or a lifecycle job; everything else is counted and
 * ignored.
 *
 * <ul>
 *   <li>Checks, in order: the body's shape ({@link NotificationBody}), a known live subscription, its
 *       {@code clientState} (constant time), a notification id not seen before ({@link ReplayGuard}).
 *       One bad notification does not spoil the others of its POST; a malformed body spoils all.
 *   <li>A change → {@link ChangeSignals#changed} for each kind of the subscription (messages: mail
 *       folders too). {@code missed} → {@link ChangeSignals#missed}. {@code reauthorizationRequired} and
 *       {@code subscriptionRemoved} need Graph: handed to {@link LifecycleJobs}, which bounds them.
 *   <li>Never throws, never calls Graph, never blocks: the webhook answers within Graph's 3 seconds.
 *   <li>Thread-safe.
 * </ul>
 */
final class NotificationIntake {

    /** Where lifecycle events that need Graph go; false when it is full. */
    interface LifecycleJobs {
        boolean submit(ActiveSubscription subscription, String lifecycleEvent);
    }

    private final SubscriptionBook book;
    private final NotificationCounts counts;
    private final Supplier<Optional<ChangeSignals>> signals;
    private final LifecycleJobs lifecycleJobs;
    private final ReplayGuard replays = new ReplayGuard();

    NotificationIntake(
            SubscriptionBook book,
            NotificationCounts counts,
            Supplier<Optional<ChangeSignals>> signals,
            LifecycleJobs lifecycleJobs) {
        this.book = Objects.requireNonNull(book, "book");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.lifecycleJobs = Objects.requireNonNull(lifecycleJobs, "lifecycleJobs");
    }

    /** Handles one POST's body, received at the lifecycle URL when {@code lifecycle}. */
    void accept(byte[] body, boolean lifecycle) {
        List<ChangeNotification> notifications;
        try {
            notifications = NotificationBody.parse(body, lifecycle);
        } catch (MalformedNotification e) {
            counts.reject(Rejection.MALFORMED);
            return;
        }
        notifications.forEach(this::accept);
    }

    private void accept(ChangeNotification notification) {
        Optional<ActiveSubscription> known = book.live(notification.subscriptionId());
        if (known.isEmpty()) {
            counts.reject(Rejection.UNKNOWN_SUBSCRIPTION);
            return;
        }
        ActiveSubscription subscription = known.get();
        if (!ClientStates.matches(subscription.clientState(), notification.clientState())) {
            counts.reject(Rejection.CLIENT_STATE);
            return;
        }
        if (!replays.firstTime(subscription.id(), notification.id())) {
            counts.reject(Rejection.REPLAY);
            return;
        }
        if (!notification.isLifecycle()) {
            counts.change();
            signals.get().ifPresent(s -> each(subscription, kind -> s.changed(subscription.accountId(), kind)));
            return;
        }
        if (notification.lifecycleEvent().equals("missed")) {
            counts.lifecycleEvent();
            signals.get().ifPresent(s -> each(subscription, kind -> s.missed(subscription.accountId(), kind)));
        } else if (lifecycleJobs.submit(subscription, notification.lifecycleEvent())) {
            counts.lifecycleEvent();
        } else {
            counts.reject(Rejection.OVERLOADED);
        }
    }

    private static void each(ActiveSubscription subscription, Consumer<SyncKind> signal) {
        subscription.resource().pulled().forEach(signal);
    }
}
