package org.m365mcp.cache.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A background task as the queue holds it (a row of {@code cache_tasks}).
 *
 * @param taskId a random UUID
 * @param accountId the account it works for
 * @param taskType what kind of work
 * @param operation the cached operation it runs
 * @param parametersJson the operation's parameters as JSON
 * @param cacheKey the cache key it fills, or null
 * @param status where it is in its life
 * @param priority 1 (first) to 10
 * @param resultJson the result once completed, else null
 * @param error the last failure's message, else null
 * @param progress 0–100
 * @param createdAt when it was enqueued
 * @param startedAt when it was last claimed; null while queued
 * @param completedAt when it completed or finally failed, else null
 * @param retryCount how often it failed and went back to the queue
 * @param maxRetries how often it may
 * @param notBefore it is not claimed before this time (its backoff after a failure)
 */
public record TaskRecord(
        String taskId,
        String accountId,
        String taskType,
        String operation,
        String parametersJson,
        String cacheKey,
        TaskStatus status,
        int priority,
        String resultJson,
        String error,
        int progress,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        int retryCount,
        int maxRetries,
        Instant notBefore) {

    public TaskRecord {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(notBefore, "notBefore");
    }
}
