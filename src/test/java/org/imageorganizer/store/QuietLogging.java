package org.imageorganizer.store;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for a logback-test.xml (outside this package's folders): without any configuration
 * logback prints everything from DEBUG up to stdout, Hibernate's SQL log included.
 */
final class QuietLogging {

    private QuietLogging() {
    }

    static void apply() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }
}
