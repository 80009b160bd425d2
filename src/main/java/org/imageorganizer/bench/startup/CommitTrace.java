package org.imageorganizer.bench.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a child {@code organize} committed its first and its last image, read from outside the process
 * (ADR 0028): the child runs with {@link #LOGBACK_XML}, which writes every record with a millisecond
 * wall-clock time and turns H2's own trace on (the library's JDBC URL hands it to the logger
 * {@code h2database}; at INFO it logs each SQL statement with its session, {@code jdbc[N]}). An image
 * is committed when the {@code COMMIT} of a session follows its {@code INSERT INTO image}; a session
 * that inserts without a {@code COMMIT} line (auto-commit) commits with the insert itself.
 */
public final class CommitTrace {
    /** Logback configuration for the traced child; {@code imageorganizer.logdir} names the folder of its {@link #LOG_FILE}. */
    public static final String LOGBACK_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- Written by the bench's start-up part: the product's levels, plus H2's statement trace and exact times. -->
            <configuration>
              <statusListener class="ch.qos.logback.core.status.NopStatusListener"/>
              <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                <file>${imageorganizer.logdir}/startup-trace.log</file>
                <encoder><pattern>%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="org.hibernate" level="WARN"/>
              <logger name="org.flywaydb" level="WARN"/>
              <logger name="com.zaxxer" level="WARN"/>
              <logger name="ai.djl" level="WARN"/>
              <logger name="org.h2" level="WARN"/>
              <logger name="h2database" level="INFO"/>
              <logger name="elki" level="WARN"/>
              <root level="INFO"><appender-ref ref="FILE"/></root>
            </configuration>
            """;
    /** The log file, in the folder given to the child as {@code imageorganizer.logdir}. */
    public static final String LOG_FILE = "startup-trace.log";

    private static final Pattern RECORD = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(?:Z|[+-]\\d\\d:?\\d\\d))\\s(.*)$");
    private static final Pattern SESSION = Pattern.compile("jdbc\\[(\\d+)]");
    private static final Pattern INSERT_IMAGE = Pattern.compile(
            "(?is)\\binsert\\s+into\\s+(?:\"?public\"?\\.)?\"?image\"?[\\s(]");
    private static final Pattern COMMIT = Pattern.compile("(?im)(?:^|\\*/)\\s*commit\\s*;?\\s*$");

    /**
     * The first and last commit of an image, in milliseconds since the epoch.
     *
     * @param firstMillis when the first image was committed
     * @param lastMillis  when the last image was committed
     * @param images      insert statements seen (a batch insert may hold several images)
     */
    public record Commits(long firstMillis, long lastMillis, int images) {
    }

    private CommitTrace() {
    }

    /** Reads the child's log; empty when it holds no committed insert (no trace, or nothing imported). */
    public static Optional<Commits> read(Path logFile) throws IOException {
        if (!Files.isRegularFile(logFile)) {
            return Optional.empty();
        }
        return parse(Files.readAllLines(logFile));
    }

    /** The commits in the lines of a log written with {@link #LOGBACK_XML}. */
    public static Optional<Commits> parse(List<String> lines) {
        Map<String, Long> pendingInsert = new HashMap<>();
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        int inserts = 0;
        Long time = null;
        StringBuilder message = new StringBuilder();
        for (String line : lines) {
            Matcher record = RECORD.matcher(line);
            if (record.matches()) {
                if (time != null) {
                    inserts += take(time, message.toString(), pendingInsert, span);
                }
                time = millis(record.group(1));
                message.setLength(0);
                message.append(record.group(2));
            } else if (time != null) {
                message.append('\n').append(line);
            }
        }
        if (time != null) {
            inserts += take(time, message.toString(), pendingInsert, span);
        }
        for (long insertedAt : pendingInsert.values()) { // auto-commit: the insert was the commit
            commit(insertedAt, span);
        }
        return inserts == 0 || span[0] == Long.MAX_VALUE ? Optional.empty()
                : Optional.of(new Commits(span[0], span[1], inserts));
    }

    /** Handles one log record; returns 1 for an image insert. */
    private static int take(long time, String message, Map<String, Long> pendingInsert, long[] span) {
        Matcher session = SESSION.matcher(message);
        String key = session.find() ? session.group(1) : "";
        if (INSERT_IMAGE.matcher(message).find()) {
            pendingInsert.putIfAbsent(key, time);
            return 1;
        }
        if (COMMIT.matcher(message).find() && pendingInsert.remove(key) != null) {
            commit(time, span);
        }
        return 0;
    }

    private static void commit(long time, long[] span) {
        span[0] = Math.min(span[0], time);
        span[1] = Math.max(span[1], time);
    }

    private static Long millis(String stamp) {
        try {
            return OffsetDateTime.parse(stamp.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
