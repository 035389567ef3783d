package org.m365mcp.tools.cache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.m365mcp.cache.store.TaskRecord;
import org.m365mcp.cache.store.TaskStatus;

/**
 * The answer of {@code cache_warming_status}: what the task queue holds of type {@code warm}.
 *
 * @param byStatus task counts per status (queued, running, completed, failed); only statuses seen
 * @param percentDone completed and failed tasks over all warming tasks; null when there were none
 * @param recent the latest warming tasks, newest first
 * @param note a plain statement of where warming stands
 */
public record WarmingStatusAnswer(String accountId, int tasks, Map<String, Integer> byStatus, Integer percentDone,
        List<TaskView> recent, String note) {

    public WarmingStatusAnswer {
        byStatus = Collections.unmodifiableSortedMap(new TreeMap<>(byStatus));
        recent = List.copyOf(recent);
    }

    /** The task type the warming jobs enqueue. */
    static final String WARM = "warm";

    /** Summarises {@code tasks} (any types, newest first): only those of type {@code warm} count. */
    static WarmingStatusAnswer of(String accountId, List<TaskRecord> tasks, int recentLimit) {
        List<TaskRecord> warming = tasks.stream().filter(task -> WARM.equals(task.taskType())).toList();
        if (warming.isEmpty()) {
            return new WarmingStatusAnswer(accountId, 0, Map.of(), null, List.of(),
                    "No warming has run" + (accountId == null ? "" : " for this account")
                            + ": the task queue holds no warm tasks.");
        }
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        warming.forEach(task -> byStatus.merge(task.status().name().toLowerCase(Locale.ROOT), 1, Integer::sum));
        long finished = warming.stream()
                .filter(task -> task.status() == TaskStatus.COMPLETED || task.status() == TaskStatus.FAILED).count();
        int percent = (int) (finished * 100 / warming.size());
        String note = finished == warming.size()
                ? "Warming finished: " + byStatus.getOrDefault("completed", 0) + " completed, "
                        + byStatus.getOrDefault("failed", 0) + " failed."
                : "Warming in progress: " + finished + " of " + warming.size() + " tasks finished.";
        return new WarmingStatusAnswer(accountId, warming.size(), byStatus, percent,
                warming.stream().limit(recentLimit).map(TaskView::of).toList(), note);
    }
}
