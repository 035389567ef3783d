package org.m365mcp.cache.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The SQL of the task queue ({@code cache_tasks}); callers run it through {@link StoreConnection}. */
final class TaskSql {

    private static final String SELECT = "SELECT task_id, account_id, task_type, operation,"
            + " parameters_json, cache_key, status, priority, result_json, error, progress, created_at,"
            + " started_at, completed_at, retry_count, max_retries, not_before FROM cache_tasks";
    private static final String INSERT = "INSERT INTO cache_tasks (task_id, account_id, task_type,"
            + " operation, parameters_json, cache_key, status, priority, created_at, max_retries, not_before)"
            + " VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)";
    private static final String NEXT = "SELECT task_id FROM cache_tasks"
            + " WHERE status = 'queued' AND not_before <= ? ORDER BY priority, created_at, rowid LIMIT 1";
    private static final String FINISHED = "status IN ('completed', 'failed')";

    private TaskSql() {}

    static void insert(Connection connection, String taskId, NewTask task, long nowMillis) throws SQLException {
        Sql.update(
                connection,
                INSERT,
                taskId,
                task.accountId(),
                task.taskType(),
                task.operation(),
                task.parametersJson(),
                task.cacheKey(),
                task.priority(),
                nowMillis,
                task.maxRetries(),
                nowMillis);
    }

    static Optional<TaskRecord> select(Connection connection, String taskId) throws SQLException {
        return Sql.list(connection, SELECT + " WHERE task_id = ?", TaskSql::task, taskId).stream()
                .findFirst();
    }

    /** The queued task to run next at {@code nowMillis}: best priority, then oldest. */
    static Optional<String> next(Connection connection, long nowMillis) throws SQLException {
        return Sql.list(connection, NEXT, row -> row.getString(1), nowMillis).stream()
                .findFirst();
    }

    /** As {@link #next(Connection, long)}, among tasks of {@code taskTypes} only. */
    static Optional<String> next(Connection connection, long nowMillis, Collection<String> taskTypes)
            throws SQLException {
        if (taskTypes.isEmpty()) {
            return Optional.empty();
        }
        String types = String.join(", ", Collections.nCopies(taskTypes.size(), "?"));
        Object[] parameters = new Object[taskTypes.size() + 1];
        parameters[0] = nowMillis;
        System.arraycopy(taskTypes.toArray(), 0, parameters, 1, taskTypes.size());
        return Sql.list(
                        connection,
                        NEXT.replace(" ORDER BY", " AND task_type IN (" + types + ") ORDER BY"),
                        row -> row.getString(1),
                        parameters)
                .stream()
                .findFirst();
    }

    static void markRunning(Connection connection, String taskId, long nowMillis) throws SQLException {
        Sql.update(
                connection,
                "UPDATE cache_tasks SET status = 'running', started_at = ?"
                        + " WHERE task_id = ? AND status = 'queued'",
                nowMillis,
                taskId);
    }

    /** Runs {@code assignments} on {@code taskId} if it is running; true if it was. */
    static boolean updateRunning(Connection connection, String taskId, String assignments, Object... values)
            throws SQLException {
        Object[] parameters = new Object[values.length + 1];
        System.arraycopy(values, 0, parameters, 0, values.length);
        parameters[values.length] = taskId;
        return Sql.update(
                        connection,
                        "UPDATE cache_tasks SET " + assignments + " WHERE task_id = ? AND status = 'running'",
                        parameters)
                == 1;
    }

    /** Running tasks started before {@code cutoffMillis} go back to the queue, due at {@code nowMillis}. */
    static int requeueStartedBefore(Connection connection, long cutoffMillis, long nowMillis) throws SQLException {
        return Sql.update(
                connection,
                "UPDATE cache_tasks SET status = 'queued', started_at = NULL,"
                        + " progress = 0, not_before = ? WHERE status = 'running' AND started_at < ?",
                nowMillis,
                cutoffMillis);
    }

    /** Up to {@code limit} tasks, newest first, filtered by account and status unless null. */
    static List<TaskRecord> list(Connection connection, String accountId, TaskStatus status, int limit)
            throws SQLException {
        List<String> where = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (accountId != null) {
            where.add("account_id = ?");
            parameters.add(accountId);
        }
        if (status != null) {
            where.add("status = ?");
            parameters.add(status.sql());
        }
        parameters.add(limit);
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return Sql.list(
                connection,
                SELECT + filter + " ORDER BY created_at DESC, rowid DESC LIMIT ?",
                TaskSql::task,
                parameters.toArray());
    }

    /** Deletes completed and failed tasks that finished before {@code cutoffMillis}. */
    static int pruneFinishedBefore(Connection connection, long cutoffMillis) throws SQLException {
        return Sql.update(
                connection, "DELETE FROM cache_tasks WHERE " + FINISHED + " AND completed_at < ?", cutoffMillis);
    }

    static int deleteAccount(Connection connection, String accountId) throws SQLException {
        return Sql.update(connection, "DELETE FROM cache_tasks WHERE account_id = ?", accountId);
    }

    private static TaskRecord task(ResultSet row) throws SQLException {
        return new TaskRecord(
                row.getString("task_id"),
                row.getString("account_id"),
                row.getString("task_type"),
                row.getString("operation"),
                row.getString("parameters_json"),
                row.getString("cache_key"),
                TaskStatus.fromSql(row.getString("status")),
                row.getInt("priority"),
                row.getString("result_json"),
                row.getString("error"),
                row.getInt("progress"),
                Instant.ofEpochMilli(row.getLong("created_at")),
                Sql.instantOrNull(row, "started_at"),
                Sql.instantOrNull(row, "completed_at"),
                row.getInt("retry_count"),
                row.getInt("max_retries"),
                Instant.ofEpochMilli(row.getLong("not_before")));
    }
}
