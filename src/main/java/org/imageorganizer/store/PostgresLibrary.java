package org.imageorganizer.store;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.imageorganizer.model.LabelSettings;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.cfg.JdbcSettings;

/**
 * Opens a library on PostgreSQL, for servers: the same Flyway migrations as H2, then Hibernate on
 * a HikariCP pool (Hibernate's own integration) with limits that suit a few server instances
 * sharing one database.
 */
final class PostgresLibrary {
    private static final String HIKARI_PROVIDER = "org.hibernate.hikaricp.internal.HikariCPConnectionProvider";
    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    private PostgresLibrary() {
    }

    static LibraryDatabase open(String url, String user, String password, String shown, java.util.function.Supplier<LabelSettings> seed) {
        probe(url, user, password, shown);
        try {
            LibraryDatabase.flyway(seed).dataSource(url, user, password).load().migrate();
        } catch (FlywayException e) {
            throw new LibraryException("Cannot open the library " + shown + ": its schema could not be updated ("
                    + LibraryException.firstLine(e.getMessage()) + ").", e);
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            SchemaCheck.check(c, shown);
        } catch (SQLException e) {
            throw new LibraryException("Cannot open the library " + shown + ": " + reason(e) + ".", e);
        }
        EntityManagerFactory emf;
        try {
            emf = LibraryDatabase.configuration()
                    .property(JdbcSettings.JAKARTA_JDBC_URL, url)
                    .property(JdbcSettings.JAKARTA_JDBC_USER, user)
                    .property(JdbcSettings.JAKARTA_JDBC_PASSWORD, password)
                    .property(JdbcSettings.CONNECTION_PROVIDER, HIKARI_PROVIDER)
                    .property("hibernate.hikari.poolName", "library")
                    .property("hibernate.hikari.maximumPoolSize", "10")
                    .property("hibernate.hikari.minimumIdle", "2")
                    .property("hibernate.hikari.connectionTimeout", "10000")
                    .property("hibernate.hikari.idleTimeout", "300000")
                    .property("hibernate.hikari.maxLifetime", "1800000")
                    .createEntityManagerFactory();
        } catch (RuntimeException e) {
            throw LibraryDatabase.schemaMismatch(shown, e);
        }
        return LibraryDatabase.onPostgres(emf);
    }

    /** One connection first, so the common failures get a clear sentence. */
    private static void probe(String url, String user, String password, String shown) {
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            if (c.getMetaData().isReadOnly()) {
                throw new LibraryException("Cannot open the library " + shown + ": the database is read-only.");
            }
        } catch (SQLException e) {
            throw new LibraryException("Cannot open the library " + shown + ": " + reason(e) + ".", e);
        }
    }

    static String reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return "wrong user name or password";
        }
        if (state.equals("3D000")) {
            return "the database does not exist; create it first (createdb)";
        }
        if (state.startsWith("08")) {
            return "the database server could not be reached (" + LibraryException.firstLine(e.getMessage()) + ")";
        }
        if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
            return "this build has no PostgreSQL driver";
        }
        return LibraryException.firstLine(e.getMessage());
    }
}
