package org.m365mcp.batch.cleanup;

import jakarta.batch.runtime.context.JobContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The counts a cleanup run gathers step by step, kept in the job's transient user data and written
 * as the job's exit status at its end ({@code EXPIRED=3 OVER_LIMIT=0 TASKS_PRUNED=2 VACUUMED=false}).
 */
final class CleanupTally {

    private final Map<String, Object> counts = new LinkedHashMap<>();

    static CleanupTally of(JobContext job) {
        if (job.getTransientUserData() instanceof CleanupTally tally) {
            return tally;
        }
        CleanupTally tally = new CleanupTally();
        job.setTransientUserData(tally);
        return tally;
    }

    void put(String name, Object value) {
        counts.put(name, value);
    }

    /** {@code NAME=value} pairs in the order the steps reported them. */
    String exitStatus() {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
