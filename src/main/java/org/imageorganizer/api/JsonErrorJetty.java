package org.imageorganizer.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import spark.embeddedserver.EmbeddedServers;
import spark.embeddedserver.jetty.EmbeddedJettyFactory;
import spark.embeddedserver.jetty.JettyServerFactory;

/**
 * Spark's Jetty with an error handler that answers in the API's JSON too, for the requests Jetty
 * refuses before Spark sees them (a malformed request line, an ambiguous path such as
 * {@code /storage/../x}, headers too large), instead of Jetty's HTML page; and with connectors
 * tuned for a server facing the internet (see {@link Tuning}).
 */
final class JsonErrorJetty implements JettyServerFactory {
    private static final String MAX_FORM_KEYS = "org.eclipse.jetty.server.Request.maxFormKeys";

    private final Tuning tuning;

    /**
     * How the connectors treat slow clients and large forms.
     *
     * @param idleTimeout              how long a connection may send nothing (Spark's own is an hour)
     * @param minRequestBytesPerSecond the slowest average rate a request body may arrive at before
     *                                 Jetty cuts it off with 408; 0 for none
     * @param maxFormParts             the most parts (or form fields) Jetty parses from one request
     */
    record Tuning(Duration idleTimeout, int minRequestBytesPerSecond, int maxFormParts) {
    }

    private JsonErrorJetty(Tuning tuning) {
        this.tuning = tuning;
    }

    /**
     * Makes a factory with these settings known to Spark, and returns the identifier to give
     * {@code Service.embeddedServerIdentifier} (equal settings share one factory).
     */
    static synchronized Object register(Tuning tuning) {
        EmbeddedServers.add(tuning, new EmbeddedJettyFactory(new JsonErrorJetty(tuning)));
        return tuning;
    }

    @Override
    public Server create(int maxThreads, int minThreads, int idleTimeout) {
        QueuedThreadPool pool = maxThreads > 0
                ? new QueuedThreadPool(maxThreads, Math.max(minThreads, 1), idleTimeout > 0 ? idleTimeout : 60_000)
                : new QueuedThreadPool();
        pool.setName("http");
        return create(pool);
    }

    @Override
    public Server create(ThreadPool threadPool) {
        Server server = new TunedServer(threadPool, tuning);
        server.setAttribute(MAX_FORM_KEYS, tuning.maxFormParts());
        server.setErrorHandler(new Handler());
        return server;
    }

    /**
     * Adjusts the connectors Spark adds: requests are dispatched as soon as their headers arrive
     * (Jetty waits for the first body bytes by default, which would delay a 413 for a body that
     * is over the limit until the client starts sending it), the Jetty version is not announced,
     * and slow clients are cut off: after the idle timeout of silence, or when a body arrives slower
     * than the minimum rate (so a trickling upload cannot hold a request thread for long).
     */
    private static final class TunedServer extends Server {
        private final Tuning tuning;

        TunedServer(ThreadPool pool, Tuning tuning) {
            super(pool);
            this.tuning = tuning;
        }

        @Override
        public void setConnectors(Connector[] connectors) {
            if (connectors != null) {
                for (Connector connector : connectors) {
                    HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
                    if (http != null) {
                        http.getHttpConfiguration().setDelayDispatchUntilContent(false);
                        http.getHttpConfiguration().setSendServerVersion(false);
                        http.getHttpConfiguration().setSendXPoweredBy(false);
                        http.getHttpConfiguration().setMinRequestDataRate(tuning.minRequestBytesPerSecond());
                    }
                    if (connector instanceof AbstractConnector tunable) {
                        tunable.setIdleTimeout(tuning.idleTimeout().toMillis());
                    }
                }
            }
            super.setConnectors(connectors);
        }
    }

    private static final class Handler extends ErrorHandler {
        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
            fields.put(HttpHeader.CONTENT_TYPE, JsonBodies.CONTENT_TYPE);
            return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                HttpServletResponse response, int code, String message) throws IOException {
            baseRequest.setHandled(true);
            response.setContentType(JsonBodies.CONTENT_TYPE);
            response.getWriter().write(body(code, message));
        }

        private static String body(int status, String reason) {
            String detail = status == 500 ? "The server failed on this request."
                    : status == 503 ? "The server cannot take this request now; try again in a moment."
                    : "The request was refused: " + (reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason) + ".";
            return JsonBodies.error(new ApiError(status, label(status), detail));
        }
    }

    /**
     * The {@code error} label of a status Jetty answers by itself: the API's own labels where it has
     * them, else the status's reason phrase in snake case (505: http_version_not_supported).
     */
    static String label(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            case 500 -> "internal_error";
            case 503 -> "unavailable";
            default -> {
                String phrase = HttpStatus.getMessage(status);
                yield phrase == null || phrase.matches("\\d+") ? (status >= 500 ? "server_error" : "bad_request")
                        : phrase.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
            }
        };
    }
}
