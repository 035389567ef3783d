package org.m365mcp.tools.cache;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer of {@code cache_get_stats}.
 *
 * @param storeOpen       whether the encrypted store is in use (false: memory only, the maps are empty)
 * @param keySource       where the encryption key came from (never the key itself)
 * @param survivesRestart whether the cache will still be readable after a restart
 * @param entries         entries in the encrypted store
 * @param storedBytes     bytes stored (after compression)
 * @param uncompressedBytes bytes before compression
 * @param compressionSavedBytes uncompressed − stored bytes
 * @param resourceTypes   entries and bytes per resource type (cached operation), sorted by name
 * @param accounts        entries and bytes per account, sorted by id
 * @param operations      hits and misses per cached operation since start-up, sorted by name
 * @param sync            how the cache is kept current with changes made outside this server
 */
public record CacheStatsAnswer(
        boolean storeOpen,
        String keySource,
        boolean survivesRestart,
        long entries,
        long storedBytes,
        long uncompressedBytes,
        long compressionSavedBytes,
        long hits,
        long misses,
        double hitRate,
        Map<String, SizeStats> resourceTypes,
        Map<String, SizeStats> accounts,
        Map<String, OperationStats> operations,
        SyncView sync) {

    public CacheStatsAnswer {
        resourceTypes = Collections.unmodifiableSortedMap(new TreeMap<>(resourceTypes));
        accounts = Collections.unmodifiableSortedMap(new TreeMap<>(accounts));
        operations = Collections.unmodifiableSortedMap(new TreeMap<>(operations));
    }
}
