package org.m365mcp.cache.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Keeps the store within its {@link SizeLimits}. Callers hold a write transaction, so each
 * decision and its deletions see one consistent database. Stateless apart from the limits.
 */
final class SizeLimiter {

    private static final String ENTRY = "SELECT key, stored_size FROM cache_entries";

    private final SizeLimits limits;

    SizeLimiter(SizeLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Every entry whose expiry has come: {@code expires_at <= now}. */
    static Removal removeExpired(Connection connection, long nowMillis) throws SQLException {
        return RemovalSql.remove(
                connection, ENTRY + " WHERE expires_at <= ? ORDER BY expires_at, rowid", RemovalSql.ALL, nowMillis);
    }

    /**
     * Evicts {@code accountId}'s entries (never {@code keep}, the entry just written) while the account
     * holds more than its cap: expired ones first (kept only to be served if the source fails), then
     * the least recently accessed. Ties in access time go oldest row first.
     */
    Removal capAccount(Connection connection, String accountId, String keep, long nowMillis) throws SQLException {
        long excess = Sql.queryLong(connection, "SELECT COUNT(*) FROM cache_entries WHERE account_id = ?", accountId)
                - limits.maxEntriesPerAccount();
        if (excess <= 0) {
            return Removal.NONE;
        }
        return RemovalSql.remove(
                connection,
                ENTRY + " WHERE account_id = ? AND key <> ? ORDER BY expires_at > ?, accessed_at, rowid LIMIT ?",
                RemovalSql.ALL,
                accountId,
                keep,
                nowMillis,
                excess);
    }

    /**
     * Above the threshold, removes expired entries, then cold ones least recently accessed first,
     * then the largest, until the total is at or below the target; below it, does nothing.
     */
    CleanupReport cleanupToTarget(Connection connection, long nowMillis) throws SQLException {
        long before = EntrySql.totalStoredBytes(connection);
        if (before <= limits.thresholdBytes()) {
            return CleanupReport.notNeeded(before);
        }
        long target = limits.targetBytes();
        Removal expired = removeExpired(connection, nowMillis);
        long total = before - expired.storedBytes();
        Removal cold = RemovalSql.remove(
                connection,
                ENTRY + " WHERE accessed_at <= ? ORDER BY accessed_at, rowid",
                total - target,
                nowMillis - limits.coldAfter().toMillis());
        total -= cold.storedBytes();
        Removal largest =
                RemovalSql.remove(connection, ENTRY + " ORDER BY stored_size DESC, accessed_at, rowid", total - target);
        total -= largest.storedBytes();
        return new CleanupReport(true, before, total, expired, cold, largest);
    }
}
