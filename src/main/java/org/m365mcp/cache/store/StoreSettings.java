package org.m365mcp.cache.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the encrypted cache lives, how entries are stored, and the limits the store keeps.
 *
 * @param databaseFile the SQLCipher database file; its parent directories are created on open
 * @param compressionThresholdBytes payloads of at least this many bytes are gzip-compressed
 *     (default 50 KB = 51,200 bytes)
 * @param compressionLevel gzip level 0–9 (default 6)
 * @param maxEntryBytes payloads larger than this are not stored (default 10 MB)
 * @param limits total size, cleanup and per-account limits (default {@link SizeLimits#defaults()})
 * @param retryBackoff the wait before a failed task runs again (default {@link RetryBackoff#defaults()})
 * @param busyTimeout how long an operation waits for another process's lock on the file before it
 *     fails (default 5 s)
 * @param quickCheckBudget how long {@link StoreOpener} may spend checking the file for damage when
 *     it opens ({@code PRAGMA quick_check}; default 20 s, zero skips the check)
 */
public record StoreSettings(
        Path databaseFile,
        int compressionThresholdBytes,
        int compressionLevel,
        long maxEntryBytes,
        SizeLimits limits,
        RetryBackoff retryBackoff,
        Duration busyTimeout,
        Duration quickCheckBudget) {

    /** Default compression threshold: 50 KB. */
    public static final int DEFAULT_COMPRESSION_THRESHOLD_BYTES = 50 * 1024;
    /** Default gzip level. */
    public static final int DEFAULT_COMPRESSION_LEVEL = 6;
    /** Default largest storable payload: 10 MB. */
    public static final long DEFAULT_MAX_ENTRY_BYTES = 10L * 1024 * 1024;
    /** Default wait for another process's lock: 5 seconds. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
    /** Default time the check for damage at opening may take: 20 seconds. */
    public static final Duration DEFAULT_QUICK_CHECK_BUDGET = Duration.ofSeconds(20);

    public StoreSettings {
        Objects.requireNonNull(databaseFile, "databaseFile");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(quickCheckBudget, "quickCheckBudget");
        if (compressionThresholdBytes < 0) {
            throw new IllegalArgumentException("compressionThresholdBytes must be >= 0");
        }
        if (compressionLevel < 0 || compressionLevel > 9) {
            throw new IllegalArgumentException("compressionLevel must be 0..9");
        }
        if (maxEntryBytes < 0) {
            throw new IllegalArgumentException("maxEntryBytes must be >= 0");
        }
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout must be 0..Integer.MAX_VALUE ms");
        }
        if (quickCheckBudget.isNegative()) {
            throw new IllegalArgumentException("quickCheckBudget must be >= 0");
        }
    }

    /** The SPEC defaults for {@code file}: 50 KB threshold, level 6, 10 MB limit, default limits. */
    public static StoreSettings defaults(Path file) {
        return new StoreSettings(
                file,
                DEFAULT_COMPRESSION_THRESHOLD_BYTES,
                DEFAULT_COMPRESSION_LEVEL,
                DEFAULT_MAX_ENTRY_BYTES,
                SizeLimits.defaults(),
                RetryBackoff.defaults(),
                DEFAULT_BUSY_TIMEOUT,
                DEFAULT_QUICK_CHECK_BUDGET);
    }

    /** These settings with other size limits. */
    public StoreSettings withLimits(SizeLimits newLimits) {
        return new StoreSettings(
                databaseFile,
                compressionThresholdBytes,
                compressionLevel,
                maxEntryBytes,
                newLimits,
                retryBackoff,
                busyTimeout,
                quickCheckBudget);
    }

    /** These settings with another task retry backoff. */
    public StoreSettings withRetryBackoff(RetryBackoff newBackoff) {
        return new StoreSettings(
                databaseFile,
                compressionThresholdBytes,
                compressionLevel,
                maxEntryBytes,
                limits,
                newBackoff,
                busyTimeout,
                quickCheckBudget);
    }

    /** These settings with another busy timeout. */
    public StoreSettings withBusyTimeout(Duration newTimeout) {
        return new StoreSettings(
                databaseFile,
                compressionThresholdBytes,
                compressionLevel,
                maxEntryBytes,
                limits,
                retryBackoff,
                newTimeout,
                quickCheckBudget);
    }

    /** These settings with another budget for the check at opening. */
    public StoreSettings withQuickCheckBudget(Duration newBudget) {
        return new StoreSettings(
                databaseFile,
                compressionThresholdBytes,
                compressionLevel,
                maxEntryBytes,
                limits,
                retryBackoff,
                busyTimeout,
                newBudget);
    }
}
