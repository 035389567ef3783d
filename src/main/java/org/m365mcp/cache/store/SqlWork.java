package org.m365mcp.cache.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of SQL run by {@link StoreConnection} on its connection, possibly more than once. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
