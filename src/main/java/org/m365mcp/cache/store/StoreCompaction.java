package org.m365mcp.cache.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Compacts and re-plans the database file: {@code VACUUM} when enough pages are free, then
 * {@code PRAGMA optimize} (SQLite's cheap {@code ANALYZE} of what changed).
 *
 * <ul>
 *   <li>Runs outside any transaction ({@code VACUUM} refuses to run inside one); callers hold the
 *       connection's lock, so no other work of this process interleaves.
 *   <li>{@code VACUUM} rewrites the whole file; it is worth it only when free pages are a real share
 *       of it, never on a tidy file.
 * </ul>
 */
final class StoreCompaction {

    private StoreCompaction() {}

    static MaintenanceReport run(Connection connection, double minFreeFraction) throws SQLException {
        long pages = Sql.queryLong(connection, "PRAGMA page_count");
        long free = Sql.queryLong(connection, "PRAGMA freelist_count");
        long pageSize = Sql.queryLong(connection, "PRAGMA page_size");
        boolean vacuum = pages > 0 && free > 0 && (double) free / pages >= minFreeFraction;
        try (Statement statement = connection.createStatement()) {
            if (vacuum) {
                statement.execute("VACUUM");
            }
            statement.execute("PRAGMA optimize");
        }
        long after = vacuum ? Sql.queryLong(connection, "PRAGMA page_count") : pages;
        return new MaintenanceReport(pages, free, vacuum, after, pageSize);
    }
}
