package org.m365mcp.batch;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.StepExecution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.m365mcp.batch.warming.WarmingLedger;

/**
 * What {@link BatchJobs} shows of an execution, read from Jakarta Batch's runtime: status, times,
 * whether it can be restarted (stopped or failed, and the newest of its instance), and on request
 * its steps with their metrics and the warming ledger's progress. Stateless.
 */
final class ExecutionViews {

    private ExecutionViews() {}

    static ExecutionView of(
            WarmingLedger ledger,
            JobExecution execution,
            JobInstance instance,
            boolean latestOfInstance,
            boolean withSteps) {
        List<StepView> steps = withSteps ? steps(ledger, execution.getExecutionId()) : List.of();
        BatchStatus status = execution.getBatchStatus();
        boolean restartable = (status == BatchStatus.STOPPED || status == BatchStatus.FAILED) && latestOfInstance;
        return new ExecutionView(
                execution.getExecutionId(),
                instance.getInstanceId(),
                execution.getJobName(),
                status.name(),
                execution.getExitStatus(),
                Dates.instant(execution.getCreateTime()),
                Dates.instant(execution.getStartTime()),
                Dates.instant(execution.getEndTime()),
                restartable,
                steps);
    }

    /** The newest of an instance's executions: only it can be restarted. */
    static long latestId(List<JobExecution> executions) {
        return executions.stream().mapToLong(JobExecution::getExecutionId).max().orElse(-1);
    }

    private static List<StepView> steps(WarmingLedger ledger, long executionId) {
        List<StepExecution> steps =
                new ArrayList<>(BatchRuntime.getJobOperator().getStepExecutions(executionId));
        steps.sort(Comparator.comparingLong(StepExecution::getStepExecutionId));
        return steps.stream()
                .map(step -> new StepView(
                        step.getStepExecutionId(),
                        step.getStepName(),
                        step.getBatchStatus().name(),
                        step.getExitStatus(),
                        Dates.instant(step.getStartTime()),
                        Dates.instant(step.getEndTime()),
                        Dates.metrics(step.getMetrics()),
                        ledger.current(step.getStepExecutionId(), step.getPersistentUserData())
                                .orElse(null)))
                .toList();
    }
}
