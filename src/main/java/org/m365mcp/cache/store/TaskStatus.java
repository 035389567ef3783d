package org.m365mcp.cache.store;

import java.util.Locale;

/** Where a background task is in its life: queued → running → completed | failed. */
public enum TaskStatus {
    /** Waiting to be claimed (again, after a failure with retries left). */
    QUEUED,
    /** Claimed by a worker. */
    RUNNING,
    /** Done; its result is recorded. */
    COMPLETED,
    /** Failed with no retries left. */
    FAILED;

    /** The value stored in {@code cache_tasks.status}. */
    String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TaskStatus fromSql(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
