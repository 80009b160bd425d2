package org.imageorganizer.app;

import java.nio.file.Path;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Points Logback at the user's log folder (see {@link LogFileConfigurator}) and routes java.util.logging into SLF4J. */
final class Logging {
    static final String LOG_DIR_PROPERTY = "imageorganizer.logdir";

    private Logging() {
    }

    /** Must run before the first logger is created; returns the log file. */
    static Path init(Path logDir) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, logDir.toString());
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        return Path.of(System.getProperty(LOG_DIR_PROPERTY)).resolve("image-organizer.log");
    }

    /** Starts SLF4J and Logback on this thread (otherwise the first logger asked for starts them). */
    static void start() {
        org.slf4j.LoggerFactory.getILoggerFactory();
    }

    /** Closes the log file; nothing is logged after this (for a process about to exit). */
    static void stop() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.stop();
        }
    }
}
