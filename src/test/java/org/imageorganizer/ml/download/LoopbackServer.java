package org.imageorganizer.ml.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JDK HTTP server on 127.0.0.1, random port, serving byte arrays (with Range support) and scripted replies. */
final class LoopbackServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    /** One request seen: path, Range header (or null) and the status answered. */
    record Request(String path, String range) {
    }

    /** Answers one request; {@code n} counts the requests for this path from 1. */
    interface Responder {
        void respond(HttpExchange exchange, int n) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    void serve(String path, byte[] bytes) {
        routes.put(path, (exchange, n) -> send(exchange, bytes));
    }

    void route(String path, Responder responder) {
        routes.put(path, responder);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Range")));
        Responder responder = routes.get(path);
        if (responder == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        responder.respond(exchange, requests(path).size());
    }

    /** Sends {@code bytes}, or the requested tail of them when the request has {@code Range: bytes=N-}. */
    static void send(HttpExchange exchange, byte[] bytes) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        int from = 0;
        if (range != null) {
            Matcher m = RANGE.matcher(range);
            if (m.matches()) {
                from = Integer.parseInt(m.group(1));
                if (from >= bytes.length) {
                    exchange.getResponseHeaders().set("Content-Range", "bytes */" + bytes.length);
                    exchange.sendResponseHeaders(416, -1);
                    exchange.close();
                    return;
                }
                exchange.getResponseHeaders().set("Content-Range",
                        "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
            }
        }
        exchange.sendResponseHeaders(from > 0 ? 206 : 200, bytes.length - from);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes, from, bytes.length - from);
        }
    }

    /**
     * Announces all of {@code bytes} but sends only the first {@code count}, then drops the connection
     * (the JDK server closes it when the handler fails).
     */
    static void sendTruncated(HttpExchange exchange, byte[] bytes, int count) throws IOException {
        exchange.sendResponseHeaders(200, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, count);
        out.flush();
        throw new IOException("test: connection cut after " + count + " of " + bytes.length + " bytes");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
