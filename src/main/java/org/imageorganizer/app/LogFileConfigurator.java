package org.imageorganizer.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one logging configuration: a rolling log file per user, in the folder {@link Logging#init} names
 * (from {@code org.imageorganizer.config.Environment}). Nothing is logged to the console: commands
 * print their own messages. Logback finds this class through {@code META-INF/services}; it is Java
 * rather than a {@code logback.xml} because reading XML costs every start about 0.2 s and 800 classes
 * (ADR 0032). A configuration file given with {@code -Dlogback.configurationFile}, or a
 * {@code logback-test.xml} on the class path, is used instead.
 */
public final class LogFileConfigurator extends ContextAwareBase implements Configurator {
    static final String FILE_NAME = "image-organizer.log";
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    /** Loggers held at WARN: chatty libraries, and the ones whose lower levels would leak or flood. */
    static final Map<String, Level> LEVELS = Map.ofEntries(
            Map.entry("org.hibernate", Level.WARN),
            Map.entry("org.flywaydb", Level.WARN),
            Map.entry("com.zaxxer", Level.WARN),
            Map.entry("ai.djl", Level.WARN),
            Map.entry("org.h2", Level.WARN),
            // H2's own trace (TRACE_LEVEL_FILE=4 in the JDBC URL): at INFO it would log every SQL statement
            Map.entry("h2database", Level.WARN),
            Map.entry("elki", Level.WARN),
            // Cloudinary's HTTP client: its DEBUG wire log would carry request signatures and image bytes
            Map.entry("org.apache.http", Level.WARN),
            Map.entry("com.cloudinary", Level.WARN),
            // Spark logs every request no route takes (a 404) at INFO: a client could fill the log with
            // them; RestServer logs client errors itself, at most a line a minute per address
            Map.entry("spark.http.matching.MatcherFilter", Level.WARN));

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (anotherConfigurationGiven(System.getProperty("logback.configurationFile"),
                LogFileConfigurator.class.getClassLoader().getResource("logback-test.xml") != null)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        logToFileIn(context, Path.of(System.getProperty(Logging.LOG_DIR_PROPERTY,
                Path.of(System.getProperty("java.io.tmpdir"), "image-organizer-logs").toString())));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static boolean anotherConfigurationGiven(String configurationFileProperty, boolean testConfigurationPresent) {
        return configurationFileProperty != null || testConfigurationPresent;
    }

    /** Sends the context's logging to the rolling file in {@code folder}. */
    static void logToFileIn(LoggerContext context, Path folder) {
        context.getStatusManager().add(new NopStatusListener()); // logback's own troubles never reach standard output

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(folder.resolve(FILE_NAME).toString());

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(folder.resolve("image-organizer.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("10MB"));
        trigger.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder);
        file.start();

        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
    }
}
