package org.m365mcp.sync.notifications;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.m365mcp.background.BackgroundSettings;
import org.m365mcp.background.ServingProbe;
import org.m365mcp.cache.entries.AccountRemoved;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.auth.SignIn;
import org.m365mcp.graph.auth.SignedInAccount;
import org.m365mcp.sync.ChangeSignals;

/**
 * Runs {@link Subscriptions} when notifications are on ({@link NotificationSettings}): a check every
 * {@code m365.mcp.notifications.check-interval} on the managed scheduled executor (so accounts that sign
 * in later get theirs), lifecycle jobs, sign-out and shutdown.
 *
 * <ul>
 *   <li>The first check waits until the application is served ({@link ServingProbe}): Graph's handshake
 *       calls the webhook, and in demo mode the Graph is the sandbox in this WAR.
 *   <li>Lifecycle jobs ({@code reauthorizationRequired}, {@code subscriptionRemoved}) run on the same
 *       executor, one per subscription and event at a time, at most {@value #MAX_LIFECYCLE_JOBS} waiting;
 *       beyond that they are refused (the webhook counts them) and the next check repairs what it can.
 *   <li>Sign-out ({@link AccountRemoved}): the account's subscriptions are deleted unless it is still
 *       signed in (demo mode's accounts stay). Shutdown: deleted on a real tenant, waiting at most
 *       {@value #SHUTDOWN_WAIT_SECONDS} s; the sandbox's die with the server.
 * </ul>
 */
@ApplicationScoped
public class SubscriptionKeeper {

    static final int MAX_LIFECYCLE_JOBS = 32;
    static final int SHUTDOWN_WAIT_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(SubscriptionKeeper.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    NotificationSettings settings;

    @Inject
    BackgroundSettings background;

    @Inject
    SubscriptionBook book;

    @Inject
    NotificationCounts counts;

    @Inject
    SignIn signIn;

    /** Resolved only once the application is served: made earlier, it would miss the context path it learns at start-up. */
    @Inject
    Provider<GraphClient> graph;

    @Inject
    ServingProbe serving;

    @Inject
    Clock clock;

    @Inject
    Instance<ChangeSignals> signals;

    private final Set<String> lifecycleJobs = ConcurrentHashMap.newKeySet();
    private volatile Subscriptions subscriptions;
    private volatile ScheduledFuture<?> checking;
    private volatile boolean stopped;

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext application) {
        Optional<WebhookUrls> urls = settings.webhookUrls(application.getContextPath());
        if (urls.isEmpty()) {
            return;
        }
        Duration interval = settings.checkInterval();
        RenewalPolicy renewal = settings.renewal();
        String contextPath = application.getContextPath();
        executor.execute(() -> {
            if (!serving.awaitServing(contextPath, background.servingWait()) && !stopped) {
                LOG.warning("The application did not answer in time; subscribing to change notifications anyway");
            }
            if (stopped) {
                return;
            }
            subscriptions = new Subscriptions(
                    book,
                    new SubscriptionClient(graph.get()),
                    urls.get(),
                    renewal,
                    interval,
                    clock,
                    this::changeSignals);
            checking = executor.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        });
        LOG.info(() ->
                "Change notifications on: Graph notifies " + urls.get().changes() + ", checked every " + interval);
    }

    /** The intake for the webhook, or empty when notifications are off. */
    Optional<NotificationIntake> intake(String contextPath) {
        if (settings.webhookUrls(contextPath).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NotificationIntake(book, counts, this::changeSignals, this::submit));
    }

    void check() {
        Subscriptions current = subscriptions;
        if (current == null || stopped) {
            return;
        }
        try {
            current.check(signIn.accounts().stream().map(SignedInAccount::id).collect(Collectors.toSet()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The change notification check failed; the next one tries again", e);
        }
    }

    /** Queues a lifecycle job; false when too many wait. */
    boolean submit(ActiveSubscription subscription, String event) {
        Subscriptions current = subscriptions;
        String key = subscription.id() + '\n' + event;
        if (current == null || stopped) {
            return false;
        }
        if (!lifecycleJobs.add(key)) {
            return true; // the same job is already waiting: this one is part of it
        }
        if (lifecycleJobs.size() > MAX_LIFECYCLE_JOBS) {
            lifecycleJobs.remove(key);
            return false;
        }
        try {
            executor.execute(() -> {
                lifecycleJobs.remove(key);
                current.lifecycle(subscription, event);
            });
            return true;
        } catch (RejectedExecutionException e) {
            lifecycleJobs.remove(key);
            return false;
        }
    }

    void accountRemoved(@Observes AccountRemoved removed) {
        Subscriptions current = subscriptions;
        if (current == null || signIn.accounts().stream().anyMatch(a -> a.id().equals(removed.accountId()))) {
            return;
        }
        current.forget(removed.accountId());
    }

    @PreDestroy
    void stop() {
        stopped = true;
        ScheduledFuture<?> future = checking;
        if (future != null) {
            future.cancel(false);
        }
        Subscriptions current = subscriptions;
        if (current == null || signIn.sandbox()) {
            return;
        }
        Thread deleting = new Thread(current::deleteAll, "m365-notifications-shutdown");
        deleting.setDaemon(true);
        deleting.start();
        try {
            deleting.join(TimeUnit.SECONDS.toMillis(SHUTDOWN_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<ChangeSignals> changeSignals() {
        return signals.isResolvable() ? Optional.of(signals.get()) : Optional.empty();
    }
}
