package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.SQLException;

/** SQL run on a connection inside a transaction that {@link SqlTransactions} opens and ends. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
