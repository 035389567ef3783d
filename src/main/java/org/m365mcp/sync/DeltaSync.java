package org.m365mcp.sync;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.m365mcp.cache.entries.AccountRemoved;
import org.m365mcp.cache.entries.TieredCaches;
import org.m365mcp.cache.store.DeltaLinks.DeltaLink;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;

/**
 * Keeps the cache current with what changes in Microsoft 365 (issue 16): one delta round of one
 * resource at a time, its changes applied to the cache ({@link ChangeMapping}, {@link ChangeApplier}).
 *
 * <ul>
 *   <li>A resource without a link gets a first round, which only marks where its changes start.
 *       Later rounds apply what changed, then save the new link; a round that fails keeps the old
 *       link, so the next one repeats it and nothing is lost.</li>
 *   <li>An expired token (410) or a {@code missed} notification: a new first round, then everything
 *       of the resource is dropped ({@link ChangeMapping#ofResync}) — after, so that an entry cached
 *       in between is not taken for current. The calendar window moves on a day after its first
 *       round the same way.</li>
 *   <li>Change signals are debounced per resource ({@link SyncSettings#debounce()}) and pulled on the
 *       managed scheduled executor; the caller never waits. A round that applied message changes
 *       signals the mail folders, whose counts those changes moved.</li>
 *   <li>Thread-safe: one round per resource at a time (its lock); rounds of different resources run
 *       side by side.</li>
 * </ul>
 */
@ApplicationScoped
public class DeltaSync implements ChangeSignals {

    private static final Logger LOG = Logger.getLogger(DeltaSync.class.getName());
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    private static final Duration WINDOW_LIFETIME = Duration.ofDays(1);

    /** What one pull did. */
    public enum Outcome {
        /** A first round: the resource's changes are followed from now on. */
        BASELINE,
        /** Nothing changed since the last round. */
        UNCHANGED,
        /** Changes were applied to the cache. */
        CHANGED,
        /** The token had expired (or changes were missed): started over, the resource's entries dropped. */
        RESYNCED,
        /** Graph failed; the previous link stays. */
        FAILED,
        /** Another round of the resource did not finish in time. */
        BUSY
    }

    @Inject
    GraphClient graph;

    @Inject
    TieredCaches caches;

    @Inject
    DeltaLinkBook links;

    @Inject
    SyncSettings settings;

    @Inject
    SyncCounters counters;

    @Inject
    Clock clock;

    @Inject
    Instance<NotificationCoverage> coverage;

    @Inject
    ChangeApplier applier;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private DeltaReader reader;
    private final ConcurrentMap<String, ConcurrentMap<SyncResource, ResourceState>> states = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        reader = new DeltaReader(graph, settings.maxPages());
    }

    /** One delta round of {@code resource} now, waiting for one already running. */
    public Outcome pull(String accountId, SyncResource resource) {
        ResourceState state = state(accountId, resource);
        try {
            if (!state.round.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return Outcome.BUSY;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.BUSY;
        }
        try {
            return round(accountId, resource, state, false);
        } finally {
            state.round.unlock();
        }
    }

    private Outcome round(String accountId, SyncResource resource, ResourceState state, boolean resync) {
        Instant started = clock.instant();
        Optional<DeltaLink> link = resync ? Optional.empty() : links.get(accountId, resource);
        try {
            if (link.isEmpty()) {
                DeltaRound first = reader.first(accountId, resource, resource.firstRequest(started, settings));
                links.save(accountId, resource, first.deltaLink(), started);
                counters.pulled(first.requests());
                int dropped =
                        resync ? applier.drop(accountId, resource, ChangeMapping.ofResync(resource), "resync") : 0;
                state.synced(clock.instant(), 0);
                if (resync) {
                    counters.resynced();
                    LOG.info(() -> "Resynced " + resource + " of " + accountId + "; " + dropped + " entries dropped");
                }
                return resync ? Outcome.RESYNCED : Outcome.BASELINE;
            }
            DeltaRound round = reader.from(accountId, resource, link.get().link());
            ChangeApplier.Applied applied = applier.changes(
                    accountId,
                    resource,
                    round.changes(),
                    resource.kind() == SyncKind.EVENTS
                            ? Optional.of(SyncResource.calendarWindow(link.get().baselineAt(), settings))
                            : Optional.empty());
            links.save(accountId, resource, round.deltaLink(), link.get().baselineAt());
            counters.pulled(round.requests());
            counters.applied(round.changes().size(), applied.removed());
            state.synced(clock.instant(), round.changes().size());
            if (resource.kind() == SyncKind.MESSAGES && !round.changes().isEmpty()) {
                changed(accountId, SyncKind.MAIL_FOLDERS);
            }
            if (resource.kind() == SyncKind.EVENTS
                    && link.get().baselineAt().plus(WINDOW_LIFETIME).isBefore(started)) {
                return round(accountId, resource, state, true);
            }
            return round.changes().isEmpty() ? Outcome.UNCHANGED : Outcome.CHANGED;
        } catch (GraphException e) {
            if (e.status() == 410 && !resync) {
                LOG.info(() -> "The delta token of " + resource + " of " + accountId + " expired (" + e.code()
                        + "); resyncing");
                return round(accountId, resource, state, true);
            }
            return failed(accountId, resource, state, "Microsoft Graph answered " + describe(e));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A delta round of " + resource + " of " + accountId + " failed", e);
            return failed(
                    accountId,
                    resource,
                    state,
                    e instanceof DeltaReader.RoundTooLongException
                            ? e.getMessage()
                            : "the round failed; see the server log");
        }
    }

    private Outcome failed(String accountId, SyncResource resource, ResourceState state, String why) {
        counters.failed();
        state.failed(why, clock.instant());
        LOG.fine(() -> "Delta round of " + resource + " of " + accountId + " failed: " + why);
        return Outcome.FAILED;
    }

    private static String describe(GraphException e) {
        return e.status() == 0 ? e.code() : "HTTP " + e.status() + " " + e.code();
    }

    @Override
    public void changed(String accountId, SyncKind kind) {
        if (!settings.enabled()) {
            return;
        }
        for (SyncResource resource : resources(accountId, kind)) {
            ResourceState state = state(accountId, resource);
            if (state.signalPending.compareAndSet(false, true)) {
                schedule(() -> {
                    state.signalPending.set(false);
                    pull(accountId, resource);
                });
            }
        }
    }

    @Override
    public void missed(String accountId, SyncKind kind) {
        if (!settings.enabled()) {
            return;
        }
        for (SyncResource resource : resources(accountId, kind)) {
            schedule(() -> resync(accountId, resource));
        }
    }

    /** Starts {@code resource} over: a new first round, then its entries dropped. */
    public Outcome resync(String accountId, SyncResource resource) {
        ResourceState state = state(accountId, resource);
        state.round.lock();
        try {
            return round(accountId, resource, state, true);
        } finally {
            state.round.unlock();
        }
    }

    private void schedule(Runnable pull) {
        try {
            scheduler.schedule(pull, settings.debounce().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A delta pull could not be scheduled; the poller will catch up", e);
        }
    }

    /** The resources of {@code kind} that {@code accountId} syncs now. */
    private List<SyncResource> resources(String accountId, SyncKind kind) {
        List<SyncResource> found = new ArrayList<>();
        states.getOrDefault(accountId, new ConcurrentHashMap<>()).keySet().stream()
                .filter(resource -> resource.kind() == kind)
                .forEach(found::add);
        links.of(accountId).stream()
                .map(link -> SyncResource.parse(link.resource()))
                .flatMap(Optional::stream)
                .filter(resource -> resource.kind() == kind && !found.contains(resource))
                .forEach(found::add);
        return found;
    }

    ResourceState state(String accountId, SyncResource resource) {
        return states.computeIfAbsent(accountId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(resource, r -> new ResourceState());
    }

    /** The resources followed for {@code accountId}, in memory since start-up. */
    Map<SyncResource, ResourceState> followed(String accountId) {
        return states.getOrDefault(accountId, new ConcurrentHashMap<>());
    }

    /** Stops following {@code resource}: nothing of it is cached any more. */
    void unfollow(String accountId, SyncResource resource) {
        Map<SyncResource, ResourceState> followed = states.get(accountId);
        if (followed != null) {
            followed.remove(resource);
        }
        links.remove(accountId, resource);
    }

    /** Whether change notifications cover {@code kind} for {@code accountId} now. */
    boolean notified(String accountId, SyncKind kind) {
        return coverage.stream().anyMatch(one -> one.covers(accountId, kind));
    }

    /** Where each resource of {@code accountId} (every account when null) stands. */
    public List<SyncStatus> status(String accountId) {
        Instant now = clock.instant();
        List<SyncStatus> all = new ArrayList<>();
        states.forEach((account, resources) -> {
            if (accountId == null || accountId.equals(account)) {
                resources.forEach((resource, state) -> all.add(new SyncStatus(
                        account,
                        resource.name(),
                        notified(account, resource.kind()) ? "notifications" : "polling",
                        state.lastSync(),
                        state.lastSync().map(at -> Duration.between(at, now).toSeconds()),
                        state.lastError(),
                        state.changes())));
            }
        });
        all.sort(java.util.Comparator.comparing(SyncStatus::accountId).thenComparing(SyncStatus::resource));
        return all;
    }

    void accountRemoved(@Observes AccountRemoved removed) {
        states.remove(removed.accountId());
        links.forget(removed.accountId());
    }
}
