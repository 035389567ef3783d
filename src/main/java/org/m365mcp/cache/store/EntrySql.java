package org.m365mcp.cache.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** The SQL behind {@link CacheStore}; callers hold the store's lock. */
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

  private EntrySql() {}

  static Optional<StoredEntry> select(Connection connection, String key) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SELECT)) {
      select.setString(1, key);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        byte[] data = row.getBytes("data");
        byte[] payload = row.getInt("compressed") == 1 ? PayloadCodec.decompress(data) : data;
        return Optional.of(new StoredEntry(row.getString("key"), row.getString("account_id"),
            row.getString("resource_type"), payload == null ? new byte[0] : payload,
            Instant.ofEpochMilli(row.getLong("created_at")),
            Instant.ofEpochMilli(row.getLong("expires_at")), row.getString("metadata_json")));
      }
    }
  }

  static void touch(Connection connection, String key, long nowMillis) throws SQLException {
    try (PreparedStatement touch = connection.prepareStatement(
        "UPDATE cache_entries SET accessed_at = ?, hit_count = hit_count + 1 WHERE key = ?")) {
      touch.setLong(1, nowMillis);
      touch.setString(2, key);
      touch.executeUpdate();
    }
  }

  static void upsert(Connection connection, StoredEntry entry, byte[] stored, boolean compressed,
      long nowMillis) throws SQLException {
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

  static int update(Connection connection, String sql, String... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  static StoreSummary summary(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
            "SELECT COUNT(*), COALESCE(SUM(stored_size), 0), COALESCE(SUM(uncompressed_size), 0)"
                + " FROM cache_entries");
        ResultSet row = statement.executeQuery()) {
      row.next();
      return new StoreSummary(row.getLong(1), row.getLong(2), row.getLong(3));
    }
  }
}
