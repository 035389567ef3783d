package org.m365mcp.background;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.config.DurationText;

/**
 * The background work's settings from MicroProfile Config; the defaults, documented, are in
 * {@code META-INF/microprofile-config.properties}. The fields start at those defaults, so an
 * instance made without CDI (a test) has them. A duration that does not parse fails with a message
 * naming its property.
 */
@ApplicationScoped
public class BackgroundSettings {

    @Inject
    @ConfigProperty(name = "m365.mcp.refresh.max-queued")
    int refreshMaxQueued = 64;

    @Inject
    @ConfigProperty(name = "m365.mcp.refresh.join-wait")
    String refreshJoinWait = "3s";

    @Inject
    @ConfigProperty(name = "m365.mcp.refresh.task-priority")
    int refreshTaskPriority = 3;

    @Inject
    @ConfigProperty(name = "m365.mcp.tasks.poll-interval")
    String pollInterval = "5s";

    @Inject
    @ConfigProperty(name = "m365.mcp.tasks.start-delay")
    String startDelay = "10s";

    @Inject
    @ConfigProperty(name = "m365.mcp.tasks.serving-wait")
    String servingWait = "2m";

    @Inject
    @ConfigProperty(name = "m365.mcp.tasks.stale-after")
    String staleAfter = "10m";

    @Inject
    @ConfigProperty(name = "m365.mcp.timers.cleanup-interval")
    String cleanupInterval = "5m";

    @Inject
    @ConfigProperty(name = "m365.mcp.timers.prune-interval")
    String pruneInterval = "1h";

    @Inject
    @ConfigProperty(name = "m365.mcp.timers.stats-interval")
    String statsInterval = "1h";

    /** Stale refreshes that may wait for an executor thread; more are dropped and counted. */
    public int refreshMaxQueued() {
        return refreshMaxQueued;
    }

    /** How long a read that finds no entry waits for its key's refresh in flight; zero: never. */
    public Duration refreshJoinWait() {
        return DurationText.parse("m365.mcp.refresh.join-wait", refreshJoinWait);
    }

    /** The priority (1–10) of the task a failed refresh becomes. */
    public int refreshTaskPriority() {
        return refreshTaskPriority;
    }

    /** How often the worker looks for due tasks when nothing woke it. */
    public Duration pollInterval() {
        return DurationText.parse("m365.mcp.tasks.poll-interval", pollInterval);
    }

    /** From start-up to the worker's first poll: the server finishes deploying before a task calls Graph. */
    public Duration startDelay() {
        return DurationText.parse("m365.mcp.tasks.start-delay", startDelay);
    }

    /** After the start delay, how long the worker waits at most for the application to be served before it polls anyway. */
    public Duration servingWait() {
        return DurationText.parse("m365.mcp.tasks.serving-wait", servingWait);
    }

    /** A task running longer than this is presumed abandoned (a crash) and queued again. */
    public Duration staleAfter() {
        return DurationText.parse("m365.mcp.tasks.stale-after", staleAfter);
    }

    /** Between runs of the threshold check and the removal of expired entries. */
    public Duration cleanupInterval() {
        return DurationText.parse("m365.mcp.timers.cleanup-interval", cleanupInterval);
    }

    /** Between prunings of tasks finished more than 24 h ago. */
    public Duration pruneInterval() {
        return DurationText.parse("m365.mcp.timers.prune-interval", pruneInterval);
    }

    /** Between statistics rows in {@code cache_stats}. */
    public Duration statsInterval() {
        return DurationText.parse("m365.mcp.timers.stats-interval", statsInterval);
    }
}
