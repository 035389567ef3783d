package org.m365mcp.cache.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Removes entries the store should no longer hold. Callers hold a write transaction, so each
 * decision and its deletions see one consistent database.
 */
final class SizeLimiter {

  private static final String ENTRY = "SELECT key, stored_size FROM cache_entries";

  private SizeLimiter() {}

  /** Every entry whose expiry has come: {@code expires_at <= now}. */
  static Removal removeExpired(Connection connection, long nowMillis) throws SQLException {
    return RemovalSql.remove(connection, ENTRY + " WHERE expires_at <= ? ORDER BY expires_at, rowid",
        RemovalSql.ALL, nowMillis);
  }
}
