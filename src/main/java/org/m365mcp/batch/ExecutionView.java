package org.m365mcp.batch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.m365mcp.batch.warming.WarmingProgress;

/**
 * One execution of a batch job: a start or a restart of a job instance.
 *
 * @param status    the batch status: STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED
 * @param exitStatus what the job said at its end (the cleanup's counts); null while running
 * @param restartable whether it may be restarted now (stopped or failed, and the latest of its instance)
 * @param steps     its steps in the order they ran; empty in lists
 */
public record ExecutionView(
        long executionId,
        long instanceId,
        String job,
        String status,
        String exitStatus,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        boolean restartable,
        List<StepView> steps) {

    public ExecutionView {
        steps = List.copyOf(steps);
    }

    /** The warming step's progress; {@link WarmingProgress#NONE} when no step has any (other jobs, not yet started). */
    public WarmingProgress progress() {
        return steps.stream()
                .map(StepView::progress)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(WarmingProgress.NONE);
    }
}
