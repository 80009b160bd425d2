package org.imageorganizer.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.imageorganizer.common.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's Hibernate, started the first time a query needs it (or ahead, in the background, by a
 * process that may need it): its start costs about 2.3 s and 4 CPU-seconds on a two-core machine, which
 * the import, the clustering and the pages of the server and the window, all plain SQL, never wait for
 * (ADR 0039). The cloud copies' bookkeeping ({@link RemoteCopyRepository}) is what uses it.
 * Thread-safe; a failed start is thrown to every caller.
 */
final class HibernateOnDemand implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HibernateOnDemand.class);

    private final Supplier<EntityManagerFactory> boot;
    private volatile EntityManagerFactory emf;
    private RuntimeException failure;
    private volatile boolean closed;

    /** @param boot starts Hibernate; called at most once */
    HibernateOnDemand(Supplier<EntityManagerFactory> boot) {
        this.boot = Objects.requireNonNull(boot, "boot");
    }

    /** Hibernate already started (a PostgreSQL library's, which owns the connection pool). */
    static HibernateOnDemand started(EntityManagerFactory emf) {
        Objects.requireNonNull(emf, "emf");
        HibernateOnDemand started = new HibernateOnDemand(() -> emf);
        started.get();
        return started;
    }

    /**
     * Starts Hibernate now on a daemon thread of background priority ({@link BackgroundThreads}), unless it
     * has started: it then takes only the CPU nothing else wants, and a later call that needs it waits less.
     */
    void startInBackground() {
        BackgroundThreads.factory("hibernate-start").newThread(() -> {
            try {
                get();
            } catch (RuntimeException e) {
                // the first call that needs it gets the same failure, with its sentence
                LOG.debug("Hibernate did not start in the background", e);
            }
        }).start();
    }

    /** Hibernate, started on first use. */
    EntityManagerFactory get() {
        EntityManagerFactory started = emf;
        return started != null && !closed ? started : startOnce();
    }

    private synchronized EntityManagerFactory startOnce() {
        if (closed) {
            throw new IllegalStateException("the library is closed");
        }
        if (failure != null) {
            throw failure;
        }
        if (emf == null) {
            long start = System.nanoTime();
            try {
                emf = boot.get();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            LOG.debug("Hibernate started in {} ms on {}", (System.nanoTime() - start) / 1_000_000,
                    Thread.currentThread().getName());
        }
        return emf;
    }

    /** Whether Hibernate has started (for tests: the import's path must not start it). */
    boolean started() {
        return emf != null;
    }

    <R> R callInTransaction(Function<EntityManager, R> work) {
        return get().callInTransaction(work);
    }

    void runInTransaction(Consumer<EntityManager> work) {
        get().runInTransaction(work);
    }

    /** Plain SQL in Hibernate's transactions (a PostgreSQL library's connections are Hibernate's). */
    SqlTransactions sql() {
        return new SqlTransactions() {
            @Override
            public <T> T inTransaction(SqlWork<T> work) {
                return callInTransaction(em -> em.unwrap(Session.class).doReturningWork(work::run));
            }
        };
    }

    /** Closes Hibernate if it started (waiting for a start in progress). */
    @Override
    public synchronized void close() {
        closed = true;
        if (emf != null) {
            emf.close();
        }
    }
}
