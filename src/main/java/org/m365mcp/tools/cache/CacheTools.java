package org.m365mcp.tools.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import org.m365mcp.cache.annotation.CacheStatistics;
import org.m365mcp.cache.key.ResolvedKey;
import org.m365mcp.cache.lifecycle.EncryptedStore;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.StoreSummary;
import org.m365mcp.mcp.McpTool;

/** Tools that look at and manage the cache itself (SPEC §6). */
@ApplicationScoped
public class CacheTools {

    @Inject
    EncryptedStore encryptedStore;

    @Inject
    CacheStatistics statistics;

    @McpTool(name = "cache_get_stats", readOnly = true, idempotent = true, openWorld = false,
            description = "Cache statistics: entries, bytes, hits, misses and hit rate, overall and per operation.")
    public CacheStatsAnswer cacheGetStats() {
        Map<String, OperationStats> operations = new TreeMap<>();
        statistics.snapshot().forEach((operation, counts) -> operations.put(operation, OperationStats.of(counts)));
        long hits = operations.values().stream().mapToLong(OperationStats::hits).sum();
        long misses = operations.values().stream().mapToLong(OperationStats::misses).sum();
        StoreSummary summary = encryptedStore.store().map(store -> store.apply(CacheStore::summary))
                .orElse(new StoreSummary(0, 0, 0));
        ResolvedKey key = encryptedStore.key().orElse(null);
        return new CacheStatsAnswer(encryptedStore.store().isPresent(),
                key == null ? "none" : key.source().name().toLowerCase(java.util.Locale.ROOT),
                key != null && key.survivesRestart(), summary.entries(), summary.storedBytes(),
                summary.uncompressedBytes(), hits, misses, OperationStats.rate(hits, misses), operations);
    }
}
