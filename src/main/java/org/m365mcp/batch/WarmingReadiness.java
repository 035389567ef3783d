package org.m365mcp.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.m365mcp.batch.warming.ItemOutcome;
import org.m365mcp.batch.warming.WarmingProgress;

/**
 * Cache warming on {@code /health/ready}: the latest {@value BatchJobs#WARMING} run as data, never a
 * reason to refuse traffic.
 *
 * <ul>
 *   <li>Always UP: a cold or half-warm cache only makes the first reads slower (SPEC §5, warming is
 *       non-blocking), so warming must never hold readiness back, whether it runs, failed or never ran.</li>
 *   <li>Data: {@code status} (the batch status, or {@code NONE}), and when a run exists its
 *       {@code execution_id}, items {@code done} of {@code total}, and {@code failed}.</li>
 *   <li>A job repository that cannot be read is reported as {@code status=UNKNOWN}, still UP.</li>
 * </ul>
 */
@Readiness
@ApplicationScoped
public class WarmingReadiness implements HealthCheck {

    static final String NAME = "cache-warming";

    private static final Logger LOG = Logger.getLogger(WarmingReadiness.class.getName());

    @Inject
    BatchJobs jobs;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        Optional<ExecutionView> latest;
        try {
            latest = jobs.latest(BatchJobs.WARMING);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Warming status unreadable for the readiness check", e);
            return response.withData("status", "UNKNOWN").build();
        }
        if (latest.isEmpty()) {
            return response.withData("status", "NONE").build();
        }
        ExecutionView execution = latest.get();
        WarmingProgress progress = execution.progress();
        return response.withData("status", execution.status())
                .withData("execution_id", execution.executionId())
                .withData("done", progress.done())
                .withData("total", progress.total())
                .withData("failed", progress.count(ItemOutcome.FAILED))
                .build();
    }
}
