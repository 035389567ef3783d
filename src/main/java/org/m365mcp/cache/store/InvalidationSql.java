package org.m365mcp.cache.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pattern invalidation within one account and its audit trail; callers hold a write transaction
 * for {@link #invalidate}, so the deletion and its audit row commit together.
 */
final class InvalidationSql {

    private static final String MATCHING = "SELECT key, stored_size FROM cache_entries"
            + " WHERE account_id = ? AND key LIKE ? ESCAPE '" + KeyPattern.ESCAPE + "'";
    private static final String BY_PARAM = "SELECT key, stored_size FROM cache_entries"
            + " WHERE account_id = ? AND resource_type = ? AND json_extract(metadata_json, ?) = ? ORDER BY key";
    private static final String AUDIT = "INSERT INTO cache_invalidation (account_id, resource_type,"
            + " pattern, reason, invalidated_at, entries_invalidated) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String HISTORY = "SELECT account_id, resource_type, pattern, reason,"
            + " invalidated_at, entries_invalidated FROM cache_invalidation";

    private InvalidationSql() {}

    /**
     * Deletes the entries of {@code accountId} whose key matches {@code pattern} (and of
     * {@code resourceType}, unless null) and writes the audit row.
     */
    static Removal invalidate(
            Connection connection, String accountId, String resourceType, String pattern, String reason, long nowMillis)
            throws SQLException {
        List<Object> parameters = new ArrayList<>(List.of(accountId, KeyPattern.toLike(pattern)));
        StringBuilder sql = new StringBuilder(MATCHING);
        String prefix = KeyPattern.literalPrefix(pattern);
        if (!prefix.isEmpty() && prefix.charAt(prefix.length() - 1) < 0x7F) { // ASCII: char order = byte order
            // The same rows as LIKE alone, but found by a range of the (account_id, key) index.
            sql.append(" AND key >= ? AND key < ?");
            parameters.add(prefix);
            parameters.add(prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1));
        }
        if (resourceType != null) {
            sql.append(" AND resource_type = ?");
            parameters.add(resourceType);
        }
        Removal removal = RemovalSql.remove(
                connection, sql.append(" ORDER BY key").toString(), RemovalSql.ALL, parameters.toArray());
        audit(connection, accountId, resourceType, pattern, reason, nowMillis, removal.count());
        return removal;
    }

    /** Writes one audit row: {@code entries} entries of {@code accountId} matched {@code pattern}, for {@code reason}. */
    static void audit(
            Connection connection,
            String accountId,
            String resourceType,
            String pattern,
            String reason,
            long nowMillis,
            int entries)
            throws SQLException {
        Sql.update(connection, AUDIT, accountId, resourceType, pattern, reason, nowMillis, entries);
    }

    /**
     * Deletes the entries of {@code accountId} and {@code resourceType} whose metadata records the
     * key parameter {@code param} with {@code value} ({@code metadata_json.params.<param>}), and writes
     * the audit row with the pattern {@code param=value}. Finds entries whose key is a hash, too.
     */
    static Removal invalidateByParam(
            Connection connection,
            String accountId,
            String resourceType,
            String param,
            String value,
            String reason,
            long nowMillis)
            throws SQLException {
        String path = CachedParamSql.paramPath(param);
        Removal removal = RemovalSql.remove(connection, BY_PARAM, RemovalSql.ALL, accountId, resourceType, path, value);
        audit(connection, accountId, resourceType, param + "=" + value, reason, nowMillis, removal.count());
        return removal;
    }

    /** The latest {@code limit} audit rows, newest first; all accounts when {@code accountId} is null. */
    static List<InvalidationRecord> history(Connection connection, String accountId, int limit) throws SQLException {
        String sql = HISTORY + (accountId == null ? "" : " WHERE account_id = ?")
                + " ORDER BY invalidated_at DESC, id DESC LIMIT ?";
        Object[] parameters = accountId == null ? new Object[] {limit} : new Object[] {accountId, limit};
        return Sql.list(connection, sql, InvalidationSql::record, parameters);
    }

    private static InvalidationRecord record(ResultSet row) throws SQLException {
        return new InvalidationRecord(
                row.getString("account_id"),
                row.getString("resource_type"),
                row.getString("pattern"),
                row.getString("reason"),
                Instant.ofEpochMilli(row.getLong("invalidated_at")),
                row.getInt("entries_invalidated"));
    }
}
