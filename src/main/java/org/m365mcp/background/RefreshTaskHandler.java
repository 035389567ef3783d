package org.m365mcp.background;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.m365mcp.cache.store.TaskRecord;

/**
 * Runs {@code refresh} tasks: the cached operation again through its tool code with
 * {@code force_refresh}, as the in-process refresh does ({@link OperationInvoker}).
 */
@ApplicationScoped
public class RefreshTaskHandler implements TaskHandler {

    @Inject
    OperationInvoker invoker;

    @Inject
    RefreshScheduler scheduler;

    @Override
    public String taskType() {
        return RefreshScheduler.TASK_TYPE;
    }

    @Override
    public String run(TaskRecord task) {
        invoker.refresh(task.operation(), task.parametersJson());
        return "{\"refreshed\":true}";
    }

    @Override
    public void settled(TaskRecord task) {
        scheduler.retrySettled(task.cacheKey());
    }
}
