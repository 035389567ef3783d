package org.m365mcp.sync.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.m365mcp.sync.NotificationCoverage;
import org.m365mcp.sync.SyncKind;

/**
 * The subscriptions this server holds at Graph, by id: what the webhook checks notifications against,
 * and what polling asks about ({@link NotificationCoverage}).
 *
 * <ul>
 *   <li>Only subscriptions Graph created (so validated) are kept; one past its expiration by the
 *       injected {@link Clock} covers nothing.
 *   <li>In memory: after a restart the subscriptions of the previous run are unknown, their
 *       notifications rejected and counted until Graph drops them.
 *   <li>Thread-safe.
 * </ul>
 */
@ApplicationScoped
public class SubscriptionBook implements NotificationCoverage {

    @Inject
    Clock clock;

    private final Map<String, ActiveSubscription> byId = new ConcurrentHashMap<>();

    /** For CDI. */
    protected SubscriptionBook() {}

    SubscriptionBook(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean covers(String accountId, SyncKind kind) {
        return byId.values().stream()
                .anyMatch(s ->
                        s.accountId().equals(accountId) && s.resource().covered() == kind && s.isLive(clock.instant()));
    }

    /** The live subscriptions now. */
    public int activeCount() {
        return (int)
                byId.values().stream().filter(s -> s.isLive(clock.instant())).count();
    }

    void put(ActiveSubscription subscription) {
        byId.put(subscription.id(), subscription);
    }

    /** The subscription {@code id} if this server holds it and it has not expired. */
    Optional<ActiveSubscription> live(String id) {
        return Optional.ofNullable(byId.get(id)).filter(s -> s.isLive(clock.instant()));
    }

    /** Forgets {@code subscription}, unless it has been replaced meanwhile (a renewal). */
    boolean remove(ActiveSubscription subscription) {
        return byId.remove(subscription.id(), subscription);
    }

    boolean removeId(String id) {
        return byId.remove(id) != null;
    }

    Optional<ActiveSubscription> find(String accountId, SubscriptionTarget resource) {
        return byId.values().stream()
                .filter(s -> s.accountId().equals(accountId) && s.resource() == resource)
                .findFirst();
    }

    List<ActiveSubscription> all() {
        return List.copyOf(byId.values());
    }

    List<ActiveSubscription> ofAccount(String accountId) {
        return byId.values().stream()
                .filter(s -> s.accountId().equals(accountId))
                .toList();
    }
}
