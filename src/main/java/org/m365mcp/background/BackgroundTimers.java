package org.m365mcp.background;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The EJB timers of the background work (SPEC §3, §5), non-persistent and with intervals from
 * MicroProfile Config (a {@code @Schedule} could not read them):
 *
 * <ul>
 *   <li>{@code cleanup} ({@code m365.mcp.timers.cleanup-interval}, 5 min): the 80 % threshold check
 *       and cleanup down to 60 %, then the removal of expired entries;</li>
 *   <li>{@code prune} ({@code m365.mcp.timers.prune-interval}, 1 h): tasks finished over 24 h ago;</li>
 *   <li>{@code stats} ({@code m365.mcp.timers.stats-interval}, 1 h): one {@code cache_stats} row per
 *       resource type.</li>
 * </ul>
 *
 * <p>Each timer first fires one interval after start-up. A failed run is logged and the next one
 * comes as planned; runs of one timer never overlap (container-managed write lock).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.CONTAINER)
public class BackgroundTimers {

    private static final Logger LOG = Logger.getLogger(BackgroundTimers.class.getName());
    static final String CLEANUP = "cleanup";
    static final String PRUNE = "prune";
    static final String STATS = "stats";

    @Resource
    TimerService timers;

    @Inject
    BackgroundSettings settings;

    @Inject
    StoreMaintenance maintenance;

    @Inject
    StatsRecorder stats;

    @PostConstruct
    void schedule() {
        every(CLEANUP, settings.cleanupInterval());
        every(PRUNE, settings.pruneInterval());
        every(STATS, settings.statsInterval());
        LOG.info(() -> "Background timers: cleanup every " + settings.cleanupInterval() + ", task pruning every "
                + settings.pruneInterval() + ", statistics every " + settings.statsInterval());
    }

    private void every(String name, Duration interval) {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(name, false));
    }

    @Timeout
    void fire(Timer timer) {
        String name = String.valueOf(timer.getInfo());
        try {
            switch (name) {
                case CLEANUP -> {
                    maintenance.cleanupIfOverThreshold();
                    int expired = maintenance.removeExpired();
                    if (expired > 0) {
                        LOG.fine(() -> expired + " expired cache entries removed");
                    }
                }
                case PRUNE -> maintenance.pruneTasks();
                case STATS -> stats.record();
                default -> LOG.warning(() -> "Unknown background timer " + name);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The " + name + " timer run failed; the next runs as planned", e);
        }
    }
}
