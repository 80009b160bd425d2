package org.imageorganizer.store;

import java.sql.SQLException;

/**
 * The library's database refused a statement: a constraint, a lock that timed out, a closed or broken
 * connection. The {@link SQLException} is the cause; callers that show it to a person say what failed in
 * their own words.
 */
public final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** The SQLSTATE of the refusal, or null when the driver gave none. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
