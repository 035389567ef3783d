package org.m365mcp.cache.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The persistent queue of background tasks: queued → running → completed | failed.
 *
 * <ul>
 *   <li>Thread-safe and safe across processes sharing the file: every change is one
 *       {@code BEGIN IMMEDIATE} transaction, so {@link #claimNext()} hands a task to exactly one
 *       caller.
 *   <li>Order: priority 1 first, then the oldest; a task is not claimed before its
 *       {@link TaskRecord#notBefore()}.
 *   <li>A failure with retries left goes back to the queue with {@code retryCount + 1}, claimable
 *       after {@link RetryBackoff#delay(int)}; without, the task is {@link TaskStatus#FAILED}.
 *   <li>{@link #complete}, {@link #fail} and {@link #progress} only change a running task.
 *   <li>Times come from the store's clock. After the store closes, every method throws
 *       {@link StoreException}.
 * </ul>
 */
public final class TaskQueue {

    /** Finished tasks older than this are pruned by {@link #pruneCompleted()}. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

    private final StoreConnection connection;
    private final Clock clock;
    private final RetryBackoff backoff;

    TaskQueue(StoreConnection connection, Clock clock, RetryBackoff backoff) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /** Queues {@code task}, claimable at once; returns its new id (a random UUID). */
    public String enqueue(NewTask task) {
        Objects.requireNonNull(task, "task");
        String taskId = UUID.randomUUID().toString();
        connection.write("enqueue task", c -> {
            TaskSql.insert(c, taskId, task, clock.millis());
            return null;
        });
        return taskId;
    }

    /** Queues a task with {@link NewTask#DEFAULT_MAX_RETRIES} retries; see {@link #enqueue(NewTask)}. */
    public String enqueue(
            String accountId, String taskType, String operation, String parametersJson, String cacheKey, int priority) {
        return enqueue(new NewTask(
                accountId, taskType, operation, parametersJson, cacheKey, priority, NewTask.DEFAULT_MAX_RETRIES));
    }

    /** Marks the next claimable task running and returns it; empty when none is due. */
    public Optional<TaskRecord> claimNext() {
        return claim(TaskSql::next);
    }

    /**
     * Marks the next claimable task of one of {@code taskTypes} running and returns it; empty when
     * none is due. A worker claims only the types it can run, leaving the others to theirs.
     */
    public Optional<TaskRecord> claimNext(Set<String> taskTypes) {
        Set<String> types = Set.copyOf(taskTypes);
        return claim((c, now) -> TaskSql.next(c, now, types));
    }

    private Optional<TaskRecord> claim(NextTask nextTask) {
        return connection.write("claim task", c -> {
            long now = clock.millis();
            Optional<String> next = nextTask.find(c, now);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            TaskSql.markRunning(c, next.get(), now);
            return TaskSql.select(c, next.get());
        });
    }

    /** Finds the id of the task to claim at {@code nowMillis}. */
    private interface NextTask {
        Optional<String> find(java.sql.Connection connection, long nowMillis) throws java.sql.SQLException;
    }

    /** Records {@code resultJson} and completes the running task; false if it was not running. */
    public boolean complete(String taskId, String resultJson) {
        Objects.requireNonNull(taskId, "taskId");
        return connection.write(
                "complete task",
                c -> TaskSql.updateRunning(
                        c,
                        taskId,
                        "status = 'completed', result_json = ?, progress = 100, completed_at = ?",
                        resultJson,
                        clock.millis()));
    }

    /**
     * Records a failure of the running task: back to the queue after its backoff while it has
     * retries left, else failed.
     *
     * @return the task after the change; empty if it was not running
     */
    public Optional<TaskRecord> fail(String taskId, String error) {
        Objects.requireNonNull(taskId, "taskId");
        return connection.write("fail task", c -> {
            Optional<TaskRecord> task = TaskSql.select(c, taskId).filter(t -> t.status() == TaskStatus.RUNNING);
            if (task.isEmpty()) {
                return Optional.empty();
            }
            long now = clock.millis();
            int retries = task.get().retryCount();
            if (retries < task.get().maxRetries()) {
                TaskSql.updateRunning(
                        c,
                        taskId,
                        "status = 'queued', retry_count = ?, error = ?, progress = 0,"
                                + " started_at = NULL, not_before = ?",
                        retries + 1,
                        error,
                        now + backoff.delay(retries).toMillis());
            } else {
                TaskSql.updateRunning(c, taskId, "status = 'failed', error = ?, completed_at = ?", error, now);
            }
            return TaskSql.select(c, taskId);
        });
    }

    /** Sets the running task's progress (0–100); false if it was not running. */
    public boolean progress(String taskId, int percent) {
        Objects.requireNonNull(taskId, "taskId");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("progress must be 0..100");
        }
        return connection.write("task progress", c -> TaskSql.updateRunning(c, taskId, "progress = ?", percent));
    }

    /**
     * Puts back in the queue the tasks running since more than {@code runningLongerThan}: their
     * worker is presumed dead (a crash or restart leaves tasks running forever otherwise). Their
     * retry count is unchanged. Pick a duration well above the longest task, since another process
     * may still be working on them.
     *
     * @return how many tasks were put back
     */
    public int requeueStale(Duration runningLongerThan) {
        Objects.requireNonNull(runningLongerThan, "runningLongerThan");
        return connection.write("requeue stale tasks", c -> {
            long now = clock.millis();
            return TaskSql.requeueStartedBefore(c, now - runningLongerThan.toMillis(), now);
        });
    }

    /** The task with {@code taskId}, if any. */
    public Optional<TaskRecord> get(String taskId) {
        Objects.requireNonNull(taskId, "taskId");
        return connection.read("get task", c -> TaskSql.select(c, taskId));
    }

    /** Up to {@code limit} tasks, newest first; {@code accountId} and {@code status} filter unless null. */
    public List<TaskRecord> list(String accountId, TaskStatus status, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0");
        }
        return connection.read("list tasks", c -> TaskSql.list(c, accountId, status, limit));
    }

    /** Removes completed and failed tasks finished more than {@code olderThan} ago; returns how many. */
    public int pruneCompleted(Duration olderThan) {
        Objects.requireNonNull(olderThan, "olderThan");
        return connection.write(
                "prune tasks", c -> TaskSql.pruneFinishedBefore(c, clock.millis() - olderThan.toMillis()));
    }

    /** Removes finished tasks older than {@link #DEFAULT_RETENTION} (24 h). */
    public int pruneCompleted() {
        return pruneCompleted(DEFAULT_RETENTION);
    }
}
