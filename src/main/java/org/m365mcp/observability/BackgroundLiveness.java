package org.m365mcp.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.m365mcp.background.RefreshCounts;
import org.m365mcp.background.RefreshScheduler;
import org.m365mcp.background.TaskWorker;
import org.m365mcp.background.WorkerStatus;

/**
 * Liveness of the background work: DOWN when the task worker runs but has not polled its queue for
 * ten poll intervals (at least 10 minutes, longer than a throttled Graph call can take): a stuck worker, which a restart cures. Before the first
 * poll and after a clean stop it is UP. Shows the refresh and task counters.
 */
@Liveness
@ApplicationScoped
public class BackgroundLiveness implements HealthCheck {

    @Inject
    ApplicationStarted application;

    static final String NAME = "background";
    private static final Duration MIN_SILENCE = Duration.ofMinutes(10);

    @Inject
    TaskWorker worker;

    @Inject
    RefreshScheduler refreshes;

    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        if (!application.started()) {
            return HealthCheckResponse.named(NAME)
                    .withData("starting", true)
                    .up()
                    .build();
        }
        WorkerStatus status = worker.status();
        RefreshCounts counts = refreshes.counts();
        Duration allowed = status.pollInterval().multipliedBy(10);
        allowed = allowed.compareTo(MIN_SILENCE) < 0 ? MIN_SILENCE : allowed;
        Instant last = status.lastPoll();
        boolean stuck = status.running() && last != null && last.plus(allowed).isBefore(clock.instant());
        return HealthCheckResponse.named(NAME)
                .status(!stuck)
                .withData("worker_running", status.running())
                .withData("tasks_completed", status.completed())
                .withData("task_runs_failed", status.failed())
                .withData("refreshes_queued", counts.queued())
                .withData("refreshes_dropped", counts.dropped())
                .build();
    }
}
