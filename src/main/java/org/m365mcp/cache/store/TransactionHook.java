package org.m365mcp.cache.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work that rides on the next write transaction of a {@link StoreConnection} instead of paying
 * for a transaction of its own (access times recorded by reads).
 */
interface TransactionHook {

    /** A hook that does nothing: for connections with no deferred writes of their own. */
    TransactionHook NONE = new TransactionHook() {
        @Override
        public void begun(Connection connection) {}

        @Override
        public void rolledBack() {}
    };

    /** Called first inside every write transaction, before the transaction's own work. */
    void begun(Connection connection) throws SQLException;

    /** Called after that transaction rolled back: what {@link #begun} wrote is to be written again. */
    void rolledBack();
}
