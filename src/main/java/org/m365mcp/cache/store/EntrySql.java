package org.m365mcp.cache.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The SQL of reading, writing and summing entries; callers run it through {@link StoreConnection}. */
final class EntrySql {

    private static final String UPSERT = """
      INSERT INTO cache_entries (key, account_id, resource_type, data, compressed, metadata_json,
          stored_size, uncompressed_size, created_at, accessed_at, expires_at, hit_count, version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1)
      ON CONFLICT (key) DO UPDATE SET
          account_id = excluded.account_id, resource_type = excluded.resource_type,
          data = excluded.data, compressed = excluded.compressed,
          metadata_json = excluded.metadata_json, stored_size = excluded.stored_size,
          uncompressed_size = excluded.uncompressed_size, created_at = excluded.created_at,
          accessed_at = excluded.accessed_at, expires_at = excluded.expires_at,
          version = cache_entries.version + 1
      """;
    private static final String SELECT = """
      SELECT key, account_id, resource_type, data, compressed, created_at, expires_at, metadata_json
      FROM cache_entries WHERE key = ?
      """;

    private static final String DELETE = "DELETE FROM cache_entries WHERE key = ?";

    private static final String TOTALS = "COUNT(*), COALESCE(SUM(stored_size), 0), COALESCE(SUM(uncompressed_size), 0)";

    private EntrySql() {}

    static Optional<StoredEntry> select(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(entry(row)) : Optional.empty();
            }
        }
    }

    /** The entry of a row that has the columns of {@code SELECT} (the payload decompressed). */
    static StoredEntry entry(ResultSet row) throws SQLException {
        byte[] data = row.getBytes("data");
        byte[] payload = row.getInt("compressed") == 1 ? PayloadCodec.decompress(data) : data;
        return new StoredEntry(
                row.getString("key"),
                row.getString("account_id"),
                row.getString("resource_type"),
                payload == null ? new byte[0] : payload,
                Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("expires_at")),
                row.getString("metadata_json"));
    }

    /** Deletes the entry under {@code key}; true if there was one. */
    static boolean delete(Connection connection, String key) throws SQLException {
        return Sql.update(connection, DELETE, key) > 0;
    }

    /** Deletes the entries under {@code keys}; returns how many there were. */
    static int delete(Connection connection, Collection<String> keys) throws SQLException {
        int removed = 0;
        for (String key : keys) {
            removed += Sql.update(connection, DELETE, Objects.requireNonNull(key, "key"));
        }
        return removed;
    }

    static void upsert(Connection connection, StoredEntry entry, byte[] stored, boolean compressed, long nowMillis)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, entry.key());
            upsert.setString(2, entry.accountId());
            upsert.setString(3, entry.resourceType());
            upsert.setBytes(4, stored);
            upsert.setInt(5, compressed ? 1 : 0);
            if (entry.metadataJson() == null) {
                upsert.setNull(6, Types.VARCHAR);
            } else {
                upsert.setString(6, entry.metadataJson());
            }
            upsert.setLong(7, stored.length);
            upsert.setLong(8, entry.payload().length);
            upsert.setLong(9, entry.createdAt().toEpochMilli());
            upsert.setLong(10, nowMillis);
            upsert.setLong(11, entry.expiresAt().toEpochMilli());
            upsert.executeUpdate();
        }
    }

    static StoreSummary summary(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + TOTALS + " FROM cache_entries");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return summaryOf(row, 1);
        }
    }

    /** Totals per distinct value of {@code column}, ordered by that value. */
    static Map<String, StoreSummary> summaryBy(Connection connection, GroupColumn column) throws SQLException {
        String sql = "SELECT " + column.sql + ", " + TOTALS + " FROM cache_entries" + " GROUP BY " + column.sql
                + " ORDER BY " + column.sql;
        Map<String, StoreSummary> summaries = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                summaries.put(row.getString(1), summaryOf(row, 2));
            }
        }
        return Collections.unmodifiableMap(summaries);
    }

    static long totalStoredBytes(Connection connection) throws SQLException {
        return Sql.queryLong(connection, "SELECT COALESCE(SUM(stored_size), 0) FROM cache_entries");
    }

    /** Count, stored bytes and uncompressed bytes, in that order from column {@code first}. */
    private static StoreSummary summaryOf(ResultSet row, int first) throws SQLException {
        return new StoreSummary(row.getLong(first), row.getLong(first + 1), row.getLong(first + 2));
    }

    /** The columns entries can be summarised by. */
    enum GroupColumn {
        RESOURCE_TYPE("resource_type"),
        ACCOUNT("account_id");

        private final String sql;

        GroupColumn(String sql) {
            this.sql = sql;
        }
    }
}
