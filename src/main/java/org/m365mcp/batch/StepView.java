package org.m365mcp.batch;

import java.time.Instant;
import java.util.Map;
import org.m365mcp.batch.warming.WarmingProgress;

/**
 * One step of a job execution, as the console and {@code cache_warming_status} show it.
 *
 * @param metrics  the runtime's counts by name in lower case (read_count, write_count, filter_count,
 *                 process_skip_count, commit_count, rollback_count, ...)
 * @param progress the warming step's progress; null for other steps
 */
public record StepView(
        long stepExecutionId,
        String step,
        String status,
        String exitStatus,
        Instant startedAt,
        Instant endedAt,
        Map<String, Long> metrics,
        WarmingProgress progress) {

    public StepView {
        metrics = Map.copyOf(metrics);
    }
}
