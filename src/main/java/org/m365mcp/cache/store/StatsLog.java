package org.m365mcp.cache.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The history of periodic statistics snapshots ({@code cache_stats}).
 *
 * <ul>
 *   <li>Thread-safe through the store's connection; after the store closes every method throws
 *       {@link StoreException}.
 *   <li>{@link #record} writes all rows in one transaction: all or none.
 * </ul>
 */
public final class StatsLog {

    private static final String COLUMNS = "recorded_at, account_id, resource_type, hit_count,"
            + " miss_count, eviction_count, p50_ms, p95_ms, p99_ms, entry_count, stored_bytes, uncompressed_bytes";

    private final StoreConnection connection;

    StatsLog(StoreConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** Appends {@code rows}. */
    public void record(List<StatsRow> rows) {
        List<StatsRow> copy = List.copyOf(rows);
        connection.write("record stats", c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO cache_stats (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (StatsRow row : copy) {
                    Sql.bind(
                            insert,
                            row.recordedAt().toEpochMilli(),
                            row.accountId(),
                            row.resourceType(),
                            row.hitCount(),
                            row.missCount(),
                            row.evictionCount(),
                            row.p50Ms(),
                            row.p95Ms(),
                            row.p99Ms(),
                            row.entryCount(),
                            row.storedBytes(),
                            row.uncompressedBytes());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Rows recorded at or after {@code since}, oldest first; of {@code resourceType} unless null. */
    public List<StatsRow> recent(String resourceType, Instant since) {
        Objects.requireNonNull(since, "since");
        String sql = "SELECT " + COLUMNS + " FROM cache_stats WHERE recorded_at >= ?"
                + (resourceType == null ? "" : " AND resource_type = ?") + " ORDER BY recorded_at, id";
        Object[] parameters = resourceType == null
                ? new Object[] {since.toEpochMilli()}
                : new Object[] {since.toEpochMilli(), resourceType};
        return connection.read("read stats", c -> Sql.list(c, sql, StatsLog::row, parameters));
    }

    private static StatsRow row(ResultSet row) throws SQLException {
        return new StatsRow(
                Instant.ofEpochMilli(row.getLong("recorded_at")),
                row.getString("account_id"),
                row.getString("resource_type"),
                row.getLong("hit_count"),
                row.getLong("miss_count"),
                row.getLong("eviction_count"),
                Sql.doubleOrNull(row, "p50_ms"),
                Sql.doubleOrNull(row, "p95_ms"),
                Sql.doubleOrNull(row, "p99_ms"),
                row.getLong("entry_count"),
                row.getLong("stored_bytes"),
                row.getLong("uncompressed_bytes"));
    }
}
