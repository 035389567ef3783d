package org.m365mcp.cache.entries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.m365mcp.cache.key.ResolvedKey;
import org.m365mcp.cache.lifecycle.EncryptedStore;
import org.m365mcp.cache.store.InvalidationRecord;
import org.m365mcp.cache.store.StatsRow;
import org.m365mcp.cache.store.TaskRecord;
import org.m365mcp.cache.store.TaskStatus;

/**
 * What the cache holds, for the cache tools and the console to show: whether the encrypted store is
 * open and with which key, its sizes, the background task queue, the invalidation audit and the
 * statistics history. They read the cache through this, never the store itself.
 *
 * <ul>
 *   <li>Without a store (memory only) every answer is empty: zero sizes, no tasks, no audit, no
 *       history, no key.</li>
 *   <li>Read-only; each answer is read while the store is held open ({@code LiveStore#apply}), so a
 *       key rotation waits for it.</li>
 *   <li>Thread-safe.</li>
 * </ul>
 */
@ApplicationScoped
public class CacheInspection {

    @Inject
    EncryptedStore encryptedStore;

    /** Whether the encrypted store is open; false when the cache runs in memory only. */
    public boolean storeOpen() {
        return encryptedStore.store().isPresent();
    }

    /** The key the store was opened with, for where it came from and whether it survives a restart. */
    public Optional<ResolvedKey> key() {
        return encryptedStore.key();
    }

    /** The store's totals, by resource type and by account, read together. */
    public StoreSizes sizes() {
        return encryptedStore.store().map(live -> live.apply(StoreSizes::of)).orElse(StoreSizes.NONE);
    }

    /** One background task by id. */
    public Optional<TaskRecord> task(String taskId) {
        return encryptedStore
                .store()
                .flatMap(live -> live.apply(store -> store.tasks().get(taskId)));
    }

    /** Tasks newest first, of one account (all when null) and status (any when null), at most {@code limit}. */
    public List<TaskRecord> tasks(String accountId, TaskStatus status, int limit) {
        return encryptedStore
                .store()
                .map(live -> live.apply(store -> store.tasks().list(accountId, status, limit)))
                .orElse(List.of());
    }

    /** The latest {@code limit} audited invalidations, newest first; every account when null. */
    public List<InvalidationRecord> invalidations(String accountId, int limit) {
        return encryptedStore
                .store()
                .map(live -> live.apply(store -> store.invalidations(accountId, limit)))
                .orElse(List.of());
    }

    /**
     * The values of key parameter {@code param} that {@code accountId} has stored {@code operation}
     * entries for, each with its newest entry's creation time ("" for entries without it); empty
     * without a store.
     */
    public Map<String, Instant> cachedParams(String accountId, String operation, String param) {
        return encryptedStore
                .store()
                .map(live -> live.apply(store -> store.entries().cachedParams(accountId, operation, param)))
                .orElse(Map.of());
    }

    /** When {@code accountId}'s newest stored {@code operation} entry was cached; empty without a store. */
    public Optional<Instant> newestEntry(String accountId, String operation) {
        return encryptedStore
                .store()
                .flatMap(live -> live.apply(store -> store.entries().newest(accountId, operation)));
    }

    /** The statistics rows since {@code since}, of one resource type (all when null). */
    public List<StatsRow> statistics(String resourceType, Instant since) {
        return encryptedStore
                .store()
                .map(live -> live.apply(store -> store.stats().recent(resourceType, since)))
                .orElse(List.of());
    }
}
