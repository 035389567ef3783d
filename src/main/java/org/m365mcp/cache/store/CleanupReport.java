package org.m365mcp.cache.store;

import java.util.Objects;

/**
 * What {@link StoreUpkeep#cleanupToTarget()} removed, step by step.
 *
 * @param ran false when the total was at or below the threshold and nothing was looked at
 * @param bytesBefore total stored bytes before the cleanup
 * @param bytesAfter total stored bytes after it
 * @param expired step 1: every entry whose expiry had come
 * @param cold step 2: entries idle for at least {@link SizeLimits#coldAfter()}, least recently
 *     accessed first, until the total reached the target
 * @param largest step 3: the largest remaining entries, until the total reached the target
 */
public record CleanupReport(
        boolean ran, long bytesBefore, long bytesAfter, Removal expired, Removal cold, Removal largest) {

    public CleanupReport {
        Objects.requireNonNull(expired, "expired");
        Objects.requireNonNull(cold, "cold");
        Objects.requireNonNull(largest, "largest");
    }

    static CleanupReport notNeeded(long totalBytes) {
        return new CleanupReport(false, totalBytes, totalBytes, Removal.NONE, Removal.NONE, Removal.NONE);
    }

    /** All three steps together: the keys a caching tier in front must drop. */
    public Removal removed() {
        return expired.plus(cold).plus(largest);
    }
}
