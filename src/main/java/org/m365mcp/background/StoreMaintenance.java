package org.m365mcp.background;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.m365mcp.cache.entries.CacheStatistics;
import org.m365mcp.cache.entries.CacheTtlSettings;
import org.m365mcp.cache.entries.TieredCaches;
import org.m365mcp.cache.lifecycle.EncryptedStore;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.CleanupReport;
import org.m365mcp.cache.store.LiveStore;
import org.m365mcp.cache.store.Removal;

/**
 * The periodic upkeep of the store (SPEC §3, §5), run by {@link BackgroundTimers}.
 *
 * <ul>
 *   <li>Whatever the store removes, the heap tier drops too, or it would go on serving it.</li>
 *   <li>Entries removed to get under the threshold (cold, then largest) count as evictions of their
 *       operation in the statistics.</li>
 *   <li>Without a store (memory only) there is nothing to do; each method then reports nothing done.</li>
 * </ul>
 */
@ApplicationScoped
public class StoreMaintenance {

    private static final Logger LOG = Logger.getLogger(StoreMaintenance.class.getName());

    @Inject
    EncryptedStore encryptedStore;

    @Inject
    TieredCaches caches;

    @Inject
    CacheStatistics statistics;

    @Inject
    CacheTtlSettings ttl;

    /** Above 80 % of the soft limit, cleans down to 60 %; below, does nothing. */
    public Optional<CleanupReport> cleanupIfOverThreshold() {
        Optional<CleanupReport> report =
                store().map(live -> live.apply(s -> s.upkeep().cleanupToTarget()));
        report.ifPresent(this::cleanedUp);
        return report;
    }

    /** Removes every entry expired longer than stale-if-error may serve it; returns how many. */
    public int removeExpired() {
        return store().map(live -> live.apply(this::removeExpired))
                .orElse(Removal.NONE)
                .count();
    }

    /**
     * Removes from {@code store} every entry expired longer than stale-if-error may serve it
     * ({@link CacheTtlSettings#maxStaleIfError()}), and the same keys from the heap tier.
     */
    public Removal removeExpired(CacheStore store) {
        Removal removed = store.upkeep().cleanupExpired(ttl.maxStaleIfError());
        expired(removed);
        return removed;
    }

    /**
     * Follows a threshold cleanup the store ran ({@link org.m365mcp.cache.store.StoreUpkeep#cleanupToTarget}):
     * the heap drops what was removed, and cold and largest entries count as evictions.
     */
    public void cleanedUp(CleanupReport report) {
        if (!report.ran()) {
            return;
        }
        caches.dropFromHeap(report.expired().keys());
        caches.dropFromHeap(report.cold().plus(report.largest()).keys())
                .forEach((operation, count) -> statistics.recordEvictions(operation, count));
        LOG.info(() -> "Cache store over its threshold: cleaned from " + report.bytesBefore() + " to "
                + report.bytesAfter() + " bytes (" + report.expired().count() + " expired, "
                + report.cold().count()
                + " cold, " + report.largest().count() + " largest entries removed)");
    }

    /** Follows the store's removal of expired entries: the heap drops them too. */
    public void expired(Removal removal) {
        caches.dropFromHeap(removal.keys());
    }

    /** Removes tasks finished more than 24 h ago; returns how many. */
    public int pruneTasks() {
        return store().map(live -> live.apply(s -> s.tasks().pruneCompleted())).orElse(0);
    }

    private Optional<LiveStore> store() {
        return encryptedStore.store();
    }
}
