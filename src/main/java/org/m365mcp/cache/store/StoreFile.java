package org.m365mcp.cache.store;

import java.sql.Connection;
import java.time.Clock;
import java.util.Objects;
import java.util.logging.Logger;
import org.m365mcp.cache.key.CacheKey;

/**
 * One database file opened for a {@link CacheStore}: its connection (cipher, pragmas, busy
 * timeout), the log of reads whose access is not written yet, and the schema migrated to its
 * latest version, the file left readable by its owner only.
 *
 * <ul>
 *   <li>Keeps the key (never shown) and settings it was opened with, so that a fresh file can take a
 *       damaged one's place ({@link #reopen()}).</li>
 *   <li>Immutable; the connection's thread-safety is its own.</li>
 * </ul>
 *
 * @param key null when unencrypted
 */
record StoreFile(
        StoreSettings settings,
        CacheKey key,
        StoreEncryption encryption,
        Clock clock,
        StoreConnection connection,
        AccessLog accesses,
        int schemaVersion) {

    /** Distinct keys whose accesses may wait in memory before a transaction writes them. */
    static final int PENDING_ACCESSES = 256;
    /** The store's own logger: what closing reports is the store's. */
    private static final Logger LOG = Logger.getLogger(CacheStore.class.getName());

    /**
     * Opens or creates the file and applies pending migrations.
     *
     * @throws StoreException if the file cannot be opened or migrated; the connection is then closed
     */
    static StoreFile open(StoreSettings settings, CacheKey key, Clock clock, StoreEncryption encryption) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        Connection jdbc = SqlCipherConnections.open(settings.databaseFile(), key, settings.busyTimeout(), encryption);
        AccessLog accesses = new AccessLog(PENDING_ACCESSES);
        StoreConnection connection =
                new StoreConnection(jdbc, settings.databaseFile(), settings.busyTimeout(), accesses);
        try {
            int version = Migrations.migrate(connection, clock);
            OwnerOnlyFiles.restrict(settings.databaseFile());
            return new StoreFile(settings, key, encryption, clock, connection, accesses, version);
        } catch (RuntimeException e) {
            try {
                connection.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof StoreException se
                    ? se
                    : new StoreException("Cannot migrate cache database " + settings.databaseFile(), e);
        }
    }

    /** Writes pending accesses and closes the connection, leaving the file owner-only; idempotent. */
    void close() {
        connection.close(() -> {
            try {
                if (!accesses.isEmpty()) {
                    connection.write("record accesses", c -> null);
                }
            } catch (StoreException e) {
                LOG.warning(() -> "Access times of recent reads were not saved: " + e.getMessage());
            }
        });
        OwnerOnlyFiles.restrict(settings.databaseFile());
    }

    /** The same file opened again with this one's key, settings and clock (a new, empty one once set aside). */
    StoreFile reopen() {
        return open(settings, key, clock, encryption);
    }

    @Override
    public String toString() {
        return "StoreFile[" + settings.databaseFile() + ", schema v" + schemaVersion + "]";
    }
}
