package org.m365mcp.cache.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One periodic statistics snapshot of a resource type (a row of {@code cache_stats}).
 *
 * @param recordedAt when the snapshot was taken
 * @param accountId the account it covers, or null for all accounts
 * @param resourceType the resource type (cache name) it covers
 * @param hitCount hits since the previous snapshot
 * @param missCount misses since the previous snapshot
 * @param evictionCount evictions since the previous snapshot
 * @param p50Ms median response time in milliseconds, or null if unmeasured
 * @param p95Ms 95th percentile, or null
 * @param p99Ms 99th percentile, or null
 * @param entryCount entries held at the time
 * @param storedBytes their stored (compressed) bytes
 * @param uncompressedBytes their bytes before compression
 */
public record StatsRow(
        Instant recordedAt,
        String accountId,
        String resourceType,
        long hitCount,
        long missCount,
        long evictionCount,
        Double p50Ms,
        Double p95Ms,
        Double p99Ms,
        long entryCount,
        long storedBytes,
        long uncompressedBytes) {

    public StatsRow {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(resourceType, "resourceType");
    }
}
