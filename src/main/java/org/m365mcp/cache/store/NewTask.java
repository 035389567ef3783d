package org.m365mcp.cache.store;

import java.util.Objects;

/**
 * A background task to enqueue.
 *
 * @param accountId the account it works for
 * @param taskType what kind of work (e.g. {@code warm}, {@code refresh})
 * @param operation the cached operation it runs (e.g. {@code folder_get_tree})
 * @param parametersJson the operation's parameters as JSON; null means {@code {}}
 * @param cacheKey the cache key it fills, or null
 * @param priority 1 (runs first) to 10 (default 5)
 * @param maxRetries how often a failure goes back to the queue (default 3)
 */
public record NewTask(
        String accountId,
        String taskType,
        String operation,
        String parametersJson,
        String cacheKey,
        int priority,
        int maxRetries) {

    /** Default priority, mid-way. */
    public static final int DEFAULT_PRIORITY = 5;
    /** Default number of retries after a failure. */
    public static final int DEFAULT_MAX_RETRIES = 3;

    public NewTask {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(operation, "operation");
        parametersJson = parametersJson == null ? "{}" : parametersJson;
        if (priority < 1 || priority > 10) {
            throw new IllegalArgumentException("priority must be 1..10");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
    }
}
