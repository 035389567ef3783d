package org.m365mcp.cache.store;

import java.time.Clock;
import java.time.Duration;

/**
 * What keeps a {@link CacheStore} within its bounds: removing expired entries (or only those expired
 * long enough ago, for stale-if-error), the size limits' cleanup, and compaction. Each call is one
 * transaction on the store's connection (compaction outside any). Thread-safe as the connection is.
 */
public final class StoreUpkeep {

    private final StoreConnection connection;
    private final Clock clock;
    private final SizeLimiter limiter;

    StoreUpkeep(StoreConnection connection, Clock clock, SizeLimiter limiter) {
        this.connection = connection;
        this.clock = clock;
        this.limiter = limiter;
    }

    /** Removes every entry whose {@code expires_at} is at or before now. */
    public Removal cleanupExpired() {
        return cleanupExpired(Duration.ZERO);
    }

    /**
     * Removes every entry that expired {@code keptPastExpiry} ago or longer ({@code expires_at <= now -
     * keptPastExpiry}); younger expired entries stay, for a caller that may still serve them (the
     * cache's stale-if-error). Size limits remove expired entries first whatever their age.
     */
    public Removal cleanupExpired(Duration keptPastExpiry) {
        if (keptPastExpiry.isNegative()) {
            throw new IllegalArgumentException("keptPastExpiry must not be negative");
        }
        return connection.write(
                "cleanup expired", c -> SizeLimiter.removeExpired(c, clock.millis() - keptPastExpiry.toMillis()));
    }

    /**
     * Does nothing while the total stored bytes are at or below {@link SizeLimits#thresholdBytes()};
     * above, removes every expired entry, then cold entries (idle for {@link SizeLimits#coldAfter()}
     * or longer) least recently accessed first, then the largest, until the total is at or below
     * {@link SizeLimits#targetBytes()}. One transaction.
     */
    public CleanupReport cleanupToTarget() {
        return connection.write("cleanup to target", c -> limiter.cleanupToTarget(c, clock.millis()));
    }

    /**
     * {@code VACUUM} when at least {@code minFreeFraction} of the file's pages are free (after large
     * removals), then {@code PRAGMA optimize}; outside any transaction.
     */
    public MaintenanceReport maintain(double minFreeFraction) {
        if (minFreeFraction <= 0 || minFreeFraction > 1) {
            throw new IllegalArgumentException("minFreeFraction must be in (0, 1]");
        }
        return connection.read("maintain", c -> StoreCompaction.run(c, minFreeFraction));
    }
}
