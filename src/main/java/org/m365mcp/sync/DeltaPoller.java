package org.m365mcp.sync;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.m365mcp.graph.auth.SignIn;
import org.m365mcp.graph.auth.SignedInAccount;

/**
 * Polls the delta of every signed-in account's cached resources (issue 16 item 3) on a
 * non-persistent EJB interval timer ({@link SyncSettings#tick()}, 1 s): finds what is cached
 * ({@link CachedResources}, asked at most every 10 s per account), pulls what is due
 * ({@link PollingPlan}, within the account's budget; after a failed round, at most the hot interval
 * later — a round a notification asked for that failed is not left to the 30-minute safety net), and
 * stops following a resource nothing has been cached of for an hour.
 *
 * <p>Rounds run on the timer's thread one after the other, so a slow Graph slows polling rather than
 * piling rounds up; ticks never overlap (container-managed write lock). A failed tick is logged and
 * the next one comes as planned. Off when {@code m365.mcp.sync.enabled} is false.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.CONTAINER)
public class DeltaPoller {

    private static final Logger LOG = Logger.getLogger(DeltaPoller.class.getName());
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** How long what an account has cached is taken as known before the store is asked again. */
    private static final Duration DISCOVER_EVERY = Duration.ofSeconds(10);

    @Resource
    TimerService timers;

    @Inject
    SyncSettings settings;

    @Inject
    DeltaSync sync;

    @Inject
    CachedResources cached;

    @Inject
    ResourceReads reads;

    @Inject
    SignIn signIn;

    @Inject
    Clock clock;

    private PollingPlan plan;
    private final Map<String, Discovered> discovered = new HashMap<>();

    /** What an account had cached when last asked. */
    private record Discovered(Instant at, Map<SyncResource, Instant> resources) {}

    @PostConstruct
    void schedule() {
        if (!settings.enabled()) {
            LOG.info("Delta sync is off (m365.mcp.sync.enabled=false): cached data is current by its TTLs only");
            return;
        }
        plan = PollingPlan.of(settings);
        long tick = settings.tick().toMillis();
        timers.createIntervalTimer(tick, tick, new TimerConfig("delta-poll", false));
        LOG.info(() -> "Delta sync polls every " + settings.hotInterval() + " (inbox, recently read) / "
                + settings.interval() + " (other cached resources) / " + settings.notifiedInterval()
                + " (covered by change notifications), at most " + settings.budget()
                + " rounds an account a 10 minutes");
    }

    @Timeout
    void tick() {
        try {
            for (SignedInAccount account : signIn.accounts()) {
                poll(account.id());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A delta polling run failed; the next runs as planned", e);
        }
    }

    private void poll(String accountId) {
        Instant now = clock.instant();
        Discovered known = discovered.get(accountId);
        if (known == null || !known.at().plus(DISCOVER_EVERY).isAfter(now)) {
            known = new Discovered(now, cached.of(accountId));
            discovered.put(accountId, known);
            known.resources()
                    .keySet()
                    .forEach(resource -> sync.state(accountId, resource).seenCached(now));
        }
        Map<SyncResource, Instant> found = known.resources();
        boolean accountNotified = sync.notified(accountId, SyncKind.MESSAGES);
        Map<SyncResource, ResourceState> polled = new LinkedHashMap<>();
        List<PollingPlan.Followed> weighed = new ArrayList<>();
        for (Map.Entry<SyncResource, ResourceState> followed : new HashMap<>(sync.followed(accountId)).entrySet()) {
            SyncResource resource = followed.getKey();
            ResourceState state = followed.getValue();
            if (found.containsKey(resource)) {
                polled.put(resource, state);
                weighed.add(new PollingPlan.Followed(
                        resource,
                        found.get(resource),
                        reads.lastRead(accountId, resource).orElse(null),
                        sync.notified(accountId, resource.kind())));
            } else if (state.lastSeenCached()
                    .map(at -> at.plus(FORGET_AFTER).isBefore(now))
                    .orElse(true)) {
                sync.unfollow(accountId, resource);
            }
        }
        Map<SyncResource, Duration> intervals = plan.intervals(weighed, accountNotified, now);
        polled.forEach((resource, state) -> {
            Duration interval = state.lastError().isPresent()
                    ? PollingPlan.shorter(intervals.get(resource), settings.hotInterval())
                    : intervals.get(resource);
            if (plan.due(state.lastRound(), interval, now) && !state.round.isLocked()) {
                sync.pull(accountId, resource);
            }
        });
    }
}
