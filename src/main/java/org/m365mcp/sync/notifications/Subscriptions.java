package org.m365mcp.sync.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.m365mcp.graph.GraphException;
import org.m365mcp.sync.ChangeSignals;

/**
 * Keeps one subscription per signed-in account and {@link SubscriptionTarget} at Graph: creates the
 * missing, renews those due ({@link RenewalPolicy}), drops those of accounts no longer signed in, and
 * carries out lifecycle events.
 *
 * <ul>
 *   <li>A failed creation is tried again after the check interval, doubling up to
 *       {@value #MAX_RETRY_HOURS} h per account and resource, so an unreachable public URL costs a few
 *       requests an hour, not a stream.
 *   <li>A subscription Graph no longer knows (404 on renewal) or removed ({@code subscriptionRemoved}),
 *       or that could not be reauthorized, is recreated, and its kinds are signalled
 *       {@link ChangeSignals#missed}: changes may have gone unreported meanwhile.
 *   <li>Mutations are serialised ({@code synchronized}); Graph's handshake calls the webhook, which never
 *       waits for this lock. Never throws for a Graph failure: logs it without the clientState.
 * </ul>
 */
final class Subscriptions {

    static final int MAX_RETRY_HOURS = 1;
    private static final Logger LOG = Logger.getLogger(Subscriptions.class.getName());

    private final SubscriptionBook book;
    private final SubscriptionClient client;
    private final WebhookUrls urls;
    private final RenewalPolicy policy;
    private final Duration retryAfter;
    private final Clock clock;
    private final Supplier<Optional<ChangeSignals>> signals;
    private final ClientStates states = new ClientStates();
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();

    private record Retry(Instant notBefore, Duration delay) {}

    Subscriptions(
            SubscriptionBook book,
            SubscriptionClient client,
            WebhookUrls urls,
            RenewalPolicy policy,
            Duration retryAfter,
            Clock clock,
            Supplier<Optional<ChangeSignals>> signals) {
        this.book = Objects.requireNonNull(book, "book");
        this.client = Objects.requireNonNull(client, "client");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signals = Objects.requireNonNull(signals, "signals");
    }

    /** One round for the accounts signed in now: drop, renew, create. */
    synchronized void check(Set<String> signedIn) {
        Instant now = clock.instant();
        for (ActiveSubscription s : book.all()) {
            if (!signedIn.contains(s.accountId())) {
                delete(s);
            } else if (!s.isLive(now)) {
                book.remove(s);
                missed(s);
            } else if (policy.due(s, now)) {
                renew(s);
            }
        }
        for (String account : signedIn) {
            for (SubscriptionTarget resource : SubscriptionTarget.values()) {
                if (book.find(account, resource).isEmpty()) {
                    create(account, resource, false);
                }
            }
        }
    }

    /** Carries out {@code reauthorizationRequired} or {@code subscriptionRemoved} for {@code subscription}. */
    synchronized void lifecycle(ActiveSubscription subscription, String event) {
        Optional<ActiveSubscription> current = book.live(subscription.id());
        if (current.isEmpty()) {
            return; // already replaced or dropped
        }
        if (event.equals("reauthorizationRequired")) {
            try {
                client.reauthorize(current.get());
                book.put(client.renew(current.get(), policy.expiration(subscription.resource(), clock.instant())));
                return;
            } catch (RuntimeException e) {
                log(current.get(), "could not be reauthorized", e);
                tryDelete(current.get());
            }
        }
        book.remove(current.get());
        missed(current.get());
        create(subscription.accountId(), subscription.resource(), true);
    }

    /** Deletes every subscription of {@code accountId} (signed out), as far as Graph still lets us. */
    synchronized void forget(String accountId) {
        book.ofAccount(accountId).forEach(this::delete);
        retries.keySet().removeIf(key -> key.startsWith(accountId + '\n'));
    }

    /** Deletes every subscription (shutdown), as far as Graph lets us. */
    synchronized void deleteAll() {
        book.all().forEach(this::delete);
    }

    private void create(String account, SubscriptionTarget resource, boolean now) {
        String key = account + '\n' + resource;
        Retry retry = retries.get(key);
        Instant at = clock.instant();
        if (!now && retry != null && at.isBefore(retry.notBefore())) {
            return;
        }
        try {
            book.put(client.create(account, resource, urls, states.next(), policy.expiration(resource, at)));
            retries.remove(key);
        } catch (RuntimeException e) {
            Duration delay = retry == null ? retryAfter : retry.delay().multipliedBy(2);
            Duration max = Duration.ofHours(MAX_RETRY_HOURS);
            delay = delay.compareTo(max) > 0 ? max : delay;
            retries.put(key, new Retry(at.plus(delay), delay));
            LOG.warning("Could not subscribe to " + resource.path() + " of " + account + " (" + why(e)
                    + "); trying again in " + delay);
        }
    }

    private void renew(ActiveSubscription subscription) {
        try {
            book.put(client.renew(subscription, policy.expiration(subscription.resource(), clock.instant())));
        } catch (RuntimeException e) {
            log(subscription, "could not be renewed", e);
            if (e instanceof GraphException g && g.status() == 404) {
                book.remove(subscription); // Graph no longer has it: recreated by this or the next check
                missed(subscription);
            }
        }
    }

    private void delete(ActiveSubscription subscription) {
        book.remove(subscription);
        tryDelete(subscription);
    }

    private void tryDelete(ActiveSubscription subscription) {
        try {
            client.delete(subscription);
        } catch (RuntimeException e) {
            log(subscription, "could not be deleted (Graph drops it when it expires)", e);
        }
    }

    private void missed(ActiveSubscription subscription) {
        signals.get()
                .ifPresent(s -> subscription.resource().pulled().forEach(k -> s.missed(subscription.accountId(), k)));
    }

    private static void log(ActiveSubscription subscription, String what, RuntimeException e) {
        LOG.warning(subscription + " " + what + ": " + why(e));
    }

    /** A failure in words safe for the log: Graph's status and code, else the exception's type. */
    private static String why(RuntimeException e) {
        return e instanceof GraphException g
                ? "Graph " + g.status() + " " + g.code()
                : e.getClass().getSimpleName();
    }
}
