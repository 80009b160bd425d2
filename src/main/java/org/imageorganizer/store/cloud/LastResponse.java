package org.imageorganizer.store.cloud;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.conn.DefaultHttpResponseParserFactory;
import org.apache.http.impl.conn.ManagedHttpClientConnectionFactory;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.io.HttpMessageParser;
import org.apache.http.io.HttpMessageParserFactory;

/**
 * The status and Retry-After header of the last HTTP answer this thread received. The Cloudinary
 * SDK hands back only the body of an answer; its connection manager (which the SDK lets us supply)
 * parses every answer's head on the calling thread, so a parser that notes the head here gives the
 * retry logic what the SDK leaves out: how long a 420 or 429 asked us to wait.
 */
final class LastResponse {
    private static final ThreadLocal<Seen> LAST = new ThreadLocal<>();

    /** The head of an answer. */
    record Seen(int status, Optional<Duration> retryAfter) {
    }

    private LastResponse() {
    }

    /** Forgets the last answer (call before each request). */
    static void clear() {
        LAST.remove();
    }

    /** The last answer this thread received since {@link #clear()}, if any. */
    static Optional<Seen> get() {
        return Optional.ofNullable(LAST.get());
    }

    /** A pool of at most {@code connections} connections (all to Cloudinary) whose answers are noted here. */
    static PoolingHttpClientConnectionManager connectionManager(int connections) {
        HttpMessageParserFactory<HttpResponse> parsers = (buffer, constraints) -> {
            HttpMessageParser<HttpResponse> parser = DefaultHttpResponseParserFactory.INSTANCE.create(buffer, constraints);
            return () -> {
                HttpResponse response = parser.parse();
                LAST.set(new Seen(response.getStatusLine().getStatusCode(),
                        retryAfter(response.getFirstHeader("Retry-After"), Instant.now())));
                return response;
            };
        };
        PoolingHttpClientConnectionManager manager = new PoolingHttpClientConnectionManager(
                RegistryBuilder.<ConnectionSocketFactory>create()
                        .register("http", PlainConnectionSocketFactory.getSocketFactory())
                        .register("https", SSLConnectionSocketFactory.getSystemSocketFactory())
                        .build(),
                new ManagedHttpClientConnectionFactory(null, parsers));
        manager.setMaxTotal(connections);
        manager.setDefaultMaxPerRoute(connections);
        manager.setValidateAfterInactivity(2_000);
        return manager;
    }

    /** A Retry-After value: seconds, or an HTTP date. */
    static Optional<Duration> retryAfter(Header header, Instant now) {
        if (header == null || header.getValue() == null) {
            return Optional.empty();
        }
        String value = header.getValue().strip();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Duration wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
