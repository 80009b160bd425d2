package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs plain SQL in one transaction: committed when the work returns, rolled back when it throws. The
 * import's writes and the bulk reads go this way, so that a process that only imports and clusters never
 * starts Hibernate (ADR 0039).
 */
@FunctionalInterface
interface SqlTransactions {

    /**
     * Runs {@code work} in a transaction of its own.
     *
     * @throws DatabaseException when the database refuses it (the {@link SQLException} is its cause)
     */
    <T> T inTransaction(SqlWork<T> work);

    /** Transactions on connections of a pool (the H2 library's). */
    static SqlTransactions on(DataSource pool) {
        Objects.requireNonNull(pool, "pool");
        return new SqlTransactions() {
            @Override
            public <T> T inTransaction(SqlWork<T> work) {
                try (Connection c = pool.getConnection()) {
                    c.setAutoCommit(false);
                    try {
                        T result = work.run(c);
                        c.commit();
                        return result;
                    } catch (SQLException | RuntimeException | Error e) {
                        rollBack(c, e);
                        throw e;
                    }
                } catch (SQLException e) {
                    throw new DatabaseException(e);
                }
            }
        };
    }

    private static void rollBack(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
