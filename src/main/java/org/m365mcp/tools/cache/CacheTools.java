package org.m365mcp.tools.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.m365mcp.cache.entries.CacheInspection;
import org.m365mcp.cache.entries.CacheStatistics;
import org.m365mcp.cache.entries.EntryKey;
import org.m365mcp.cache.entries.StoreSizes;
import org.m365mcp.cache.entries.TieredCaches;
import org.m365mcp.cache.key.ResolvedKey;
import org.m365mcp.cache.store.StoreSummary;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.sync.DeltaSync;
import org.m365mcp.sync.SyncCounters;
import org.m365mcp.sync.SyncSettings;
import org.m365mcp.tools.Accounts;

/**
 * Tools that look at and manage the cached results themselves (SPEC §6); the task queue's tools are in
 * {@code CacheTaskTools}.
 *
 * <ul>
 *   <li>Sizes come from the encrypted store; without one (memory only) they are zero and the per-type
 *       and per-account maps empty. Hits and misses are counted since start-up.</li>
 *   <li>{@code cache_invalidate} is always scoped to one account and audited as {@code cache_invalidate}.</li>
 * </ul>
 */
@ApplicationScoped
public class CacheTools {

    static final String INVALIDATE_REASON = "cache_invalidate";

    @Inject
    CacheInspection inspection;

    @Inject
    CacheStatistics statistics;

    @Inject
    TieredCaches caches;

    @Inject
    CacheOperations operations;

    @Inject
    Accounts accounts;

    @Inject
    SyncSettings syncSettings;

    @Inject
    SyncCounters syncCounters;

    @Inject
    DeltaSync deltaSync;

    @McpTool(
            name = "cache_get_stats",
            readOnly = true,
            idempotent = true,
            openWorld = false,
            description = "Cache statistics: entries, sizes, compression savings, hits and hit rate; per operation,"
                    + " resource type and account.")
    public CacheStatsAnswer cacheGetStats() {
        Map<String, OperationStats> byOperation = new TreeMap<>();
        statistics.snapshot().forEach((operation, counts) -> byOperation.put(operation, OperationStats.of(counts)));
        long hits =
                byOperation.values().stream().mapToLong(OperationStats::hits).sum();
        long misses =
                byOperation.values().stream().mapToLong(OperationStats::misses).sum();
        StoreSizes sizes = inspection.sizes();
        ResolvedKey key = inspection.key().orElse(null);
        SizeStats total = SizeStats.of(sizes.total());
        return new CacheStatsAnswer(
                inspection.storeOpen(),
                key == null ? "none" : key.source().name().toLowerCase(Locale.ROOT),
                key != null && key.survivesRestart(),
                total.entries(),
                total.storedBytes(),
                total.uncompressedBytes(),
                total.compressionSavedBytes(),
                hits,
                misses,
                OperationStats.rate(hits, misses),
                sizes(sizes.byResourceType()),
                sizes(sizes.byAccount()),
                byOperation,
                SyncView.of(syncSettings.enabled(), syncCounters, deltaSync.status(null)));
    }

    @McpTool(
            name = "cache_invalidate",
            readOnly = false,
            destructive = false,
            idempotent = true,
            openWorld = false,
            description = "Drop one account's cached results of one operation whose key parameters match a pattern"
                    + " ('*' wildcard), so the next read fetches from Graph.")
    public InvalidatedAnswer cacheInvalidate(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Cached operation, e.g. email_list or email_get") String resourceType,
            @ToolParam(
                            value = "Pattern over the key parameters (k=v&k=v, sorted by name); '*' matches any text",
                            defaultValue = "*")
                    String pattern) {
        String account = accounts.require(accountId).id();
        String operation = CacheArguments.operation("resource_type", resourceType, operations.names());
        String keyPattern = EntryKey.pattern(operation, account, CacheArguments.pattern("pattern", pattern));
        int count = caches.invalidate(account, operation, keyPattern, INVALIDATE_REASON)
                .count();
        return new InvalidatedAnswer(account, operation, keyPattern, count);
    }

    private static Map<String, SizeStats> sizes(Map<String, StoreSummary> summaries) {
        Map<String, SizeStats> sizes = new TreeMap<>();
        summaries.forEach((name, summary) -> sizes.put(name, SizeStats.of(summary)));
        return sizes;
    }
}
