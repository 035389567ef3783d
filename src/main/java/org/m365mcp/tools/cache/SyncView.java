package org.m365mcp.tools.cache;

import java.util.List;
import org.m365mcp.sync.SyncCounters;
import org.m365mcp.sync.SyncStatus;

/**
 * How the cache is kept current, in {@code cache_get_stats}: the delta sync's totals since start-up
 * and where each synced resource stands.
 *
 * @param enabled            false when the cache is current by its TTLs only
 * @param pulls              delta rounds completed
 * @param changes            changes made outside this server, applied to the cache
 * @param entriesInvalidated cache entries those changes removed
 * @param entriesPatched     cache entries those changes corrected in place (a read state or flag), kept fresh
 * @param revalidated        stale entries a delta round found unchanged (fresh again, not refetched)
 * @param failedPulls        rounds that failed (retried from the same point)
 * @param resyncs            restarts after an expired delta token or missed changes
 * @param graphRequests      Graph requests spent on sync
 * @param resources          per account and resource: mode, last sync, lag
 */
public record SyncView(
        boolean enabled,
        long pulls,
        long changes,
        long entriesInvalidated,
        long entriesPatched,
        long revalidated,
        long failedPulls,
        long resyncs,
        long graphRequests,
        List<Resource> resources) {

    public SyncView {
        resources = List.copyOf(resources);
    }

    /**
     * One synced resource.
     *
     * @param accountId  the account
     * @param resource   e.g. {@code messages:inbox}, {@code drive}
     * @param mode       {@code notifications} or {@code polling}
     * @param lastSync   when its last round completed (ISO-8601), null before the first
     * @param lagSeconds seconds since then, null before the first
     * @param lastError  why the last round failed, null when it did not
     * @param changes    changes applied since start-up
     */
    public record Resource(
            String accountId,
            String resource,
            String mode,
            String lastSync,
            Long lagSeconds,
            String lastError,
            long changes) {

        static Resource of(SyncStatus status) {
            return new Resource(
                    status.accountId(),
                    status.resource(),
                    status.mode(),
                    status.lastSync().map(Object::toString).orElse(null),
                    status.lag().orElse(null),
                    status.lastError().orElse(null),
                    status.changes());
        }
    }

    static SyncView of(boolean enabled, SyncCounters counters, List<SyncStatus> statuses) {
        return new SyncView(
                enabled,
                counters.pulls(),
                counters.changes(),
                counters.entriesInvalidated(),
                counters.entriesPatched(),
                counters.revalidations(),
                counters.failedPulls(),
                counters.resyncs(),
                counters.graphRequests(),
                statuses.stream().map(Resource::of).toList());
    }
}
