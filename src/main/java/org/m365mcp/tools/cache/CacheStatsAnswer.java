package org.m365mcp.tools.cache;

import java.util.Map;

/**
 * The answer of {@code cache_get_stats}.
 *
 * @param storeOpen         whether the encrypted store is in use (false: memory only)
 * @param keySource         where the encryption key came from (never the key itself)
 * @param survivesRestart   whether the cache will still be readable after a restart
 * @param entries           entries in the encrypted store
 * @param storedBytes       bytes stored (after compression)
 * @param uncompressedBytes bytes before compression
 * @param operations        per cached operation, sorted by name
 */
public record CacheStatsAnswer(boolean storeOpen, String keySource, boolean survivesRestart, long entries,
        long storedBytes, long uncompressedBytes, long hits, long misses, double hitRate,
        Map<String, OperationStats> operations) {
}
