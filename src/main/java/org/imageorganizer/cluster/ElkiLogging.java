package org.imageorganizer.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Keeps ELKI from taking over {@code java.util.logging}.
 *
 * <p>When ELKI's {@code elki.logging.LoggingConfiguration} class is first initialised, it calls
 * {@link LogManager#readConfiguration} with its own {@code logging.properties}. That <em>resets the whole JVM's
 * JUL configuration</em>: every handler (for example an SLF4J bridge) is closed and removed, and the root logger
 * gets ELKI's {@code CLISmartHandler}, which prints to stderr. This class lets that happen once, under control,
 * and then puts back the levels and handlers every logger had before. The {@code elki} logger is set to
 * {@link Level#SEVERE} (unless the application configured it), because ELKI's warnings are about conditions the
 * clusterers handle themselves (for example empty k-means clusters), so clustering prints nothing.
 *
 * <p>Caveat: handlers are closed by the reset before being put back; handlers that do not survive
 * {@code close()} (a {@code FileHandler}) should be installed after the first clustering.
 *
 * <p>The state here is static because JUL and ELKI's configuration are JVM-wide and initialised once.
 */
final class ElkiLogging {
    private static final Object LOCK = new Object();
    private static boolean done;
    /** Strong reference: JUL keeps loggers weakly, and a collected logger would lose its level. */
    private static Logger elkiTop;

    private ElkiLogging() {
    }

    /** Initialises ELKI's logging configuration, if not done yet, and undoes its global side effects. */
    static void ensureQuiet() {
        synchronized (LOCK) {
            if (done) {
                return;
            }
            List<Saved> saved = snapshot();
            try {
                Class.forName("elki.logging.LoggingConfiguration", true, ElkiLogging.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("ELKI (elki-logging) is not on the class path", e);
            }
            saved.forEach(Saved::restore);
            elkiTop = Logger.getLogger("elki");
            boolean configuredByApp = saved.stream().anyMatch(s -> s.logger == elkiTop && s.level != null);
            if (!configuredByApp) {
                elkiTop.setLevel(Level.SEVERE);
            }
            done = true;
        }
    }

    private static List<Saved> snapshot() {
        LogManager manager = LogManager.getLogManager();
        List<Saved> saved = new ArrayList<>();
        for (String name : Collections.list(manager.getLoggerNames())) {
            Logger logger = manager.getLogger(name);
            if (logger != null) {
                saved.add(new Saved(logger, logger.getLevel(), logger.getHandlers(), logger.getUseParentHandlers()));
            }
        }
        return saved;
    }

    /** One logger's configuration; holds the logger strongly so it survives until restored. */
    private record Saved(Logger logger, Level level, Handler[] handlers, boolean useParentHandlers) {
        void restore() {
            for (Handler h : logger.getHandlers()) {
                logger.removeHandler(h);
            }
            for (Handler h : handlers) {
                logger.addHandler(h);
            }
            logger.setLevel(level);
            logger.setUseParentHandlers(useParentHandlers);
        }
    }
}
