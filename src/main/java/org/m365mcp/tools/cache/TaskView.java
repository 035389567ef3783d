package org.m365mcp.tools.cache;

import java.time.Instant;
import java.util.Locale;
import org.m365mcp.cache.store.TaskRecord;

/**
 * One background task as the cache task tools show it: no parameters or result JSON, which may be large.
 *
 * @param error the last failure's message; null when none
 */
public record TaskView(
        String taskId,
        String accountId,
        String taskType,
        String operation,
        String status,
        int priority,
        int progress,
        int retryCount,
        int maxRetries,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt) {

    static TaskView of(TaskRecord task) {
        return new TaskView(
                task.taskId(),
                task.accountId(),
                task.taskType(),
                task.operation(),
                task.status().name().toLowerCase(Locale.ROOT),
                task.priority(),
                task.progress(),
                task.retryCount(),
                task.maxRetries(),
                task.error(),
                task.createdAt(),
                task.startedAt(),
                task.completedAt());
    }
}
