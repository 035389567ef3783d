package org.m365mcp.cache.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How much the store may hold, and in what order it sheds entries when it holds too much.
 *
 * @param softLimitBytes total stored (compressed) payload bytes the store aims to stay under; a
 *     write is never refused for it (default 2 GB = 2,147,483,648 bytes)
 * @param cleanupThresholdPercent {@link StoreUpkeep#cleanupToTarget()} does nothing until the total
 *     is above this share of the soft limit (default 80, i.e. 1.6 GB)
 * @param cleanupTargetPercent cleanup removes entries until the total is at or below this share
 *     (default 60, i.e. 1.2 GB)
 * @param maxEntriesPerAccount a write that takes an account past this many entries evicts that
 *     account's least recently accessed ones (default 10,000)
 * @param coldAfter an entry not read for at least this long is cold: cleanup removes cold entries,
 *     least recently accessed first, before it removes the largest of the rest (default 1 hour)
 */
public record SizeLimits(
        long softLimitBytes,
        int cleanupThresholdPercent,
        int cleanupTargetPercent,
        int maxEntriesPerAccount,
        Duration coldAfter) {

    /** Default soft limit: 2 GB. */
    public static final long DEFAULT_SOFT_LIMIT_BYTES = 2L * 1024 * 1024 * 1024;
    /** Default cleanup threshold: 80 % of the soft limit. */
    public static final int DEFAULT_CLEANUP_THRESHOLD_PERCENT = 80;
    /** Default cleanup target: 60 % of the soft limit. */
    public static final int DEFAULT_CLEANUP_TARGET_PERCENT = 60;
    /** Default largest number of entries of one account. */
    public static final int DEFAULT_MAX_ENTRIES_PER_ACCOUNT = 10_000;
    /** Default idle time after which an entry counts as cold. */
    public static final Duration DEFAULT_COLD_AFTER = Duration.ofHours(1);

    public SizeLimits {
        Objects.requireNonNull(coldAfter, "coldAfter");
        if (softLimitBytes < 0 || softLimitBytes > Long.MAX_VALUE / 100) {
            throw new IllegalArgumentException("softLimitBytes must be 0..Long.MAX_VALUE / 100");
        }
        if (cleanupTargetPercent < 0
                || cleanupTargetPercent > cleanupThresholdPercent
                || cleanupThresholdPercent > 100) {
            throw new IllegalArgumentException("need 0 <= cleanupTargetPercent <= cleanupThresholdPercent <= 100");
        }
        if (maxEntriesPerAccount < 1) {
            throw new IllegalArgumentException("maxEntriesPerAccount must be >= 1");
        }
        if (coldAfter.isNegative()) {
            throw new IllegalArgumentException("coldAfter must not be negative");
        }
    }

    /** The SPEC defaults: 2 GB, clean at 80 % down to 60 %, 10,000 entries per account, cold after 1 h. */
    public static SizeLimits defaults() {
        return new SizeLimits(
                DEFAULT_SOFT_LIMIT_BYTES,
                DEFAULT_CLEANUP_THRESHOLD_PERCENT,
                DEFAULT_CLEANUP_TARGET_PERCENT,
                DEFAULT_MAX_ENTRIES_PER_ACCOUNT,
                DEFAULT_COLD_AFTER);
    }

    /** Total stored bytes above which cleanup runs. */
    public long thresholdBytes() {
        return softLimitBytes * cleanupThresholdPercent / 100;
    }

    /** Total stored bytes cleanup brings the store down to. */
    public long targetBytes() {
        return softLimitBytes * cleanupTargetPercent / 100;
    }
}
