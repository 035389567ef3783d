package org.m365mcp.tools.cache;

import java.util.List;

/**
 * The answer of {@code cache_task_list}: newest first.
 *
 * @param accountId the account filtered on; null for all
 * @param status    the status filtered on, or {@code any}
 */
public record TaskListAnswer(String accountId, String status, int count, List<TaskView> tasks) {

    public TaskListAnswer {
        tasks = List.copyOf(tasks);
    }
}
