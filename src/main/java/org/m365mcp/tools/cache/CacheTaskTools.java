package org.m365mcp.tools.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.m365mcp.batch.BatchJobs;
import org.m365mcp.batch.JobConflictException;
import org.m365mcp.cache.entries.CacheInspection;
import org.m365mcp.cache.store.TaskStatus;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;

/**
 * Tools that show background work (SPEC §5, §6): the task queue kept in the encrypted store, and
 * cache warming.
 *
 * <ul>
 *   <li>Without a store (memory only) there is no queue: the lists are empty and a task id unknown.</li>
 *   <li>Warming progress is the {@code cache-warming} batch job's, read from the batch runtime's job
 *       repository, never estimated; while the runtime is slow to create a run, the answer says it
 *       is starting.</li>
 * </ul>
 */
@ApplicationScoped
public class CacheTaskTools {

    @Inject
    CacheInspection inspection;

    @Inject
    Accounts accounts;

    @Inject
    BatchJobs jobs;

    @McpTool(
            name = "cache_task_get_status",
            readOnly = true,
            idempotent = true,
            openWorld = false,
            description = "One background cache task: type, operation, status, progress, retries and last error.")
    public TaskView cacheTaskGetStatus(@ToolParam("Task id from cache_task_list") String taskId) {
        String id = CacheArguments.taskId("task_id", taskId);
        return inspection
                .task(id)
                .map(TaskView::of)
                .orElseThrow(() -> new ToolArgumentException("task_id", "no task with id '" + taskId + "'"));
    }

    @McpTool(
            name = "cache_task_list",
            readOnly = true,
            idempotent = true,
            openWorld = false,
            description = "Background cache tasks, newest first, filtered by account and status.")
    public TaskListAnswer cacheTaskList(
            @ToolParam(value = "Account id from account_list; empty: every account", defaultValue = "")
                    String accountId,
            @ToolParam(value = "any, queued, running, completed or failed", defaultValue = "any") String status,
            @ToolParam(value = "Most tasks to return", defaultValue = "25", min = 1, max = 500) int limit) {
        String account = account(accountId);
        TaskStatus filter = CacheArguments.status("status", status);
        List<TaskView> tasks = inspection.tasks(account, filter, limit).stream()
                .map(TaskView::of)
                .toList();
        return new TaskListAnswer(
                account, filter == null ? "any" : status.toLowerCase(java.util.Locale.ROOT), tasks.size(), tasks);
    }

    @McpTool(
            name = "cache_warming_status",
            readOnly = true,
            idempotent = true,
            openWorld = false,
            description = "Cache warming progress: the latest cache-warming batch run, its status and items done,"
                    + " warmed, already fresh and failed, in total and per account; says when none has run.")
    public WarmingStatusAnswer cacheWarmingStatus(
            @ToolParam(value = "Account id from account_list; empty: every account", defaultValue = "")
                    String accountId) {
        String account = account(accountId);
        try {
            return WarmingStatusAnswer.of(
                    account, jobs.latest(BatchJobs.WARMING).orElse(null));
        } catch (JobConflictException stillCreating) {
            return WarmingStatusAnswer.starting(account);
        }
    }

    private String account(String accountId) {
        return accountId.isEmpty() ? null : accounts.require(accountId).id();
    }
}
