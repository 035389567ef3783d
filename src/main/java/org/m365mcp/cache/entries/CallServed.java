package org.m365mcp.cache.entries;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A CDI event fired once per intercepted call of a cached operation, after it was served; metrics
 * observe it. Observers run on the caller's thread, so they must be quick and must not throw.
 *
 * @param operation the cached operation
 * @param accountId the account it was for, canonical
 * @param params    its key parameters (name in snake case → value)
 * @param outcome   how it was served
 * @param elapsed   the call's time inside the cache interceptor, Graph included when it was called
 */
public record CallServed(
        String operation,
        String accountId,
        Map<String, String> params,
        CacheStatistics.Outcome outcome,
        Duration elapsed) {

    public CallServed {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(accountId, "accountId");
        params = Map.copyOf(params);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** True when Graph was called for it: a miss, a refresh, a bypass, or a stale-if-error (Graph failed). */
    public boolean calledGraph() {
        return outcome != CacheStatistics.Outcome.FRESH && outcome != CacheStatistics.Outcome.STALE;
    }
}
