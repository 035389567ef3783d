package org.m365mcp.background;

import org.m365mcp.cache.store.TaskRecord;

/**
 * Runs the queued tasks of one type for the {@link TaskWorker}; a CDI bean per type, so other task
 * types (warming, say) add a handler without touching the worker.
 *
 * <p>{@link #run} may throw: the worker records the failure and the queue retries the task with
 * backoff until its retries are spent (SPEC §5).
 */
public interface TaskHandler {

    /** The {@code task_type} this handler runs, e.g. {@code refresh}. */
    String taskType();

    /**
     * Does the task's work.
     *
     * @return the result to record, as JSON
     */
    String run(TaskRecord task);

    /** Called once the task is done for good: completed, or failed with no retry left. */
    default void settled(TaskRecord task) {}
}
