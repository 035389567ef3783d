package org.m365mcp.cache.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Deletes the entries a query chooses, reporting which; callers hold a write transaction, so
 * what is chosen is exactly what is deleted.
 */
final class RemovalSql {

    /** No byte budget: remove every row the query returns. */
    static final long ALL = Long.MAX_VALUE;

    private static final int KEYS_PER_DELETE = 500;

    private RemovalSql() {}

    /**
     * Deletes the rows {@code select} returns, in its order, until {@code bytesToFree} bytes are
     * freed (none if it is 0 or less).
     *
     * @param select a query whose first two columns are {@code key} and {@code stored_size}
     */
    static Removal remove(Connection connection, String select, long bytesToFree, Object... parameters)
            throws SQLException {
        List<String> keys = new ArrayList<>();
        long freed = 0;
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            Sql.bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (freed < bytesToFree && rows.next()) {
                    keys.add(rows.getString(1));
                    freed += rows.getLong(2);
                }
            }
        }
        deleteKeys(connection, keys);
        return new Removal(keys, freed);
    }

    /** Deletes the entries under {@code keys}, reporting those there were and their stored bytes. */
    static Removal removeKeys(Connection connection, List<String> keys) throws SQLException {
        List<String> found = new ArrayList<>();
        long bytes = 0;
        for (String key : keys) {
            List<Long> size = Sql.list(
                    connection, "SELECT stored_size FROM cache_entries WHERE key = ?", row -> row.getLong(1), key);
            if (!size.isEmpty()) {
                found.add(key);
                bytes += size.get(0);
            }
        }
        deleteKeys(connection, found);
        return new Removal(found, bytes);
    }

    private static void deleteKeys(Connection connection, List<String> keys) throws SQLException {
        for (int from = 0; from < keys.size(); from += KEYS_PER_DELETE) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_DELETE));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            Sql.update(connection, "DELETE FROM cache_entries WHERE key IN (" + marks + ")", chunk.toArray());
        }
    }
}
