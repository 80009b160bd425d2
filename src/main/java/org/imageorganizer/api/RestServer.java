package org.imageorganizer.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpStatus;
import org.imageorganizer.config.ServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The REST server (SparkJava on Jetty): the product spec's endpoints over the core services, the
 * web page, and the guards a server facing the internet needs (API key, signed image links, upload
 * limits, a per-client upload rate, CORS, JSON errors without stack traces). It holds no pipeline
 * logic; uploads, removals and reads go to the use-case services ({@link ServerServices}), which may
 * become available only after it listens ({@link StartingServices}).
 */
public final class RestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final Duration SIGNED_URL_LIFETIME = Duration.ofMinutes(30);
    private static final String COUNTED = RestServer.class.getName() + ".counted";
    /** How long an upload over the bound of uploads read at once waits for a place before 503. */
    private static final Duration UPLOAD_PLACE_WAIT = Duration.ofSeconds(1);
    /** A stored upload's temporary file untouched this long is a crash's leftover, not another process's upload. */
    private static final Duration UPLOAD_LEFTOVER_AGE = Duration.ofMinutes(10);

    private final ServerOptions options;
    private final StartingServices services;
    private final TrustedProxies proxies;
    private final Optional<ApiKeyCheck> keyCheck;
    private final Optional<SignedUrls> signer;
    private final Cors cors;
    private final ClientErrorLog clientErrors = new ClientErrorLog(System::nanoTime, Duration.ofMinutes(1));
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService uploadWorkers;
    private final Path spoolRoot;
    private UploadSpool spool;
    private volatile boolean draining;
    private Service http;

    /**
     * @param spoolRoot where upload parts wait on disk while they are read (inside the storage folder;
     *                  whatever a server that is gone left there is removed at start)
     * @throws IllegalArgumentException when the options are unsafe (a public address without a key
     *                                  and without {@code insecure}) or malformed
     */
    public RestServer(ServerOptions options, ServerServices services, Path spoolRoot) {
        this(services == null ? null : StartingServices.ready(services), options, spoolRoot);
    }

    /**
     * A server that listens before the library and the model are there: they are handed to
     * {@code services} as they become available (see {@link StartingServices}).
     *
     * @throws IllegalArgumentException as {@link #RestServer(ServerOptions, ServerServices, Path)}
     */
    public static RestServer starting(ServerOptions options, StartingServices services, Path spoolRoot) {
        return new RestServer(services, options, spoolRoot);
    }

    private RestServer(StartingServices services, ServerOptions options, Path spoolRoot) {
        this.options = options;
        this.services = services;
        this.proxies = new TrustedProxies(options.trustedProxies());
        if (options.apiKey().isEmpty() && !options.insecure() && !loopback(options.host())) {
            throw new IllegalArgumentException("Refusing to listen on " + options.host()
                    + " without an API key: set one (--api-key-file or IMAGE_ORGANIZER_API_KEY), or pass --insecure"
                    + " if something in front of the server authenticates every request.");
        }
        this.keyCheck = options.apiKey().map(ApiKeyCheck::new);
        this.signer = options.apiKey().map(k -> new SignedUrls(k, SIGNED_URL_LIFETIME, Clock.systemUTC()));
        this.cors = new Cors(options.corsOrigins());
        int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.uploadWorkers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "upload-worker");
            t.setDaemon(true);
            return t;
        });
        this.spoolRoot = spoolRoot;
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host to listen on: " + host, e);
        }
    }

    /** Starts listening; returns the port (the chosen one when the options said 0). */
    public synchronized int start() {
        try {
            services.uploadFolder().removeLeftovers(Instant.now().minus(UPLOAD_LEFTOVER_AGE));
        } catch (IOException e) {
            LOG.warn("Could not clean the storage folder's leftovers: {}", e.toString());
        }
        try {
            spool = UploadSpool.open(spoolRoot);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the folder for uploads in progress, " + spoolRoot + ": " + e, e);
        }
        http = Service.ignite();
        http.embeddedServerIdentifier(JsonErrorJetty.register(new JsonErrorJetty.Tuning(options.idleTimeout(),
                options.minUploadBytesPerSecond(), MultipartUploads.maxParts(options))));
        http.untrustForwardHeaders(); // Spark would believe any client's X-Forwarded-*; TrustedProxies decides instead
        http.ipAddress(options.host()).port(options.port()).threadPool(64, 8, 30_000);
        http.initExceptionHandler(e -> LOG.error("The server could not start: {}", e.toString()));
        http.before(this::admit);
        http.before((req, res) -> {
            if (cors.apply(req, res)) {
                http.halt(204);
            }
        });
        http.before(this::authenticate);
        new HealthRoute(services, () -> draining).register(http);
        UploadAdmission admission = new UploadAdmission(new UploadRateLimiter(options.uploadsPerMinute(), System::nanoTime),
                options.uploadsAtOnce(), options.uploadsAtOncePerClient(), UPLOAD_PLACE_WAIT);
        ImageLinks links = new ImageLinks(signer, proxies, services.cloudLinks(), options.publicUrl());
        new SearchRoutes(services, links).register(http);
        new DuplicateRoutes(services, links).register(http);
        new ImageRoutes(services, new MultipartUploads(spool, options), admission,
                proxies, links, uploadWorkers, options.maxFileBytes()).register(http);
        new SortingRoutes(services, links).register(http);
        new ClusterRoutes(services).register(http);
        new ClusterNameRoute(services).register(http);
        new StorageRoute(services.uploadFolder()).register(http);
        new WebPage(services.cloudLinks().origins()).register(http);
        http.notFound(this::notFound);
        http.internalServerError((req, res) -> {
            res.type(JsonBodies.CONTENT_TYPE);
            return JsonBodies.error(new ApiError(500, "internal_error", "The server failed on this request; it is logged."));
        });
        http.exception(ApiError.class, (e, req, res) -> answer(e, req, res));
        http.exception(Exception.class, (e, req, res) -> {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                answer(new ApiError(503, "unavailable", "The server is shutting down; try again."), req, res);
                return;
            }
            Optional<ApiError> refused = refusedByJetty(e);
            if (refused.isPresent()) {
                answer(refused.get(), req, res);
                return;
            }
            LOG.error("{} {} failed", req.requestMethod(), ClientErrorLog.printable(req.uri(), 200), e);
            answer(new ApiError(500, "internal_error", "The server failed on this request; it is logged."), req, res);
        });
        http.afterAfter(this::release);
        http.init();
        http.awaitInitialization();
        LOG.info("Serving on http://{}:{} (API key {}, CORS origins {}, links {})", options.host(), http.port(),
                keyCheck.isPresent() ? "required" : "not set", options.corsOrigins(),
                options.publicUrl().map(u -> "from " + u).orElse("relative"));
        return http.port();
    }

    private void admit(Request request, Response response) {
        if (draining) {
            throw new ApiError(503, "unavailable", "The server is shutting down; try again in a moment.",
                    Map.of("Retry-After", "5", "Connection", "close"), null);
        }
        inFlight.incrementAndGet();
        request.attribute(COUNTED, Boolean.TRUE);
        response.type(JsonBodies.CONTENT_TYPE);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "no-referrer");
        response.raw().setHeader("Cache-Control", "no-store");
        // what the key check and the router read must be the same request: see RequestTargetCheck
        RequestTargetCheck.check(request.uri(), request.raw().getQueryString(),
                request.headers(RequestTargetCheck.METHOD_OVERRIDE));
    }

    private void release(Request request, Response response) {
        if (request.attribute(COUNTED) != null) {
            request.raw().removeAttribute(COUNTED);
            inFlight.decrementAndGet();
        }
    }

    /**
     * The key check, on the very method and path the router matches (the raw request URI; a path a
     * decoder would read otherwise never gets here, see {@link RequestTargetCheck}).
     */
    private void authenticate(Request request, Response response) {
        if (keyCheck.isEmpty() || "OPTIONS".equals(request.requestMethod())) {
            return;
        }
        String path = request.uri();
        if (path.equals("/health") || path.equals("/favicon.ico") || WebPage.ASSETS.containsKey(path)) {
            return;
        }
        if (keyCheck.get().accepts(request.headers("X-API-Key"), request.headers("Authorization"))) {
            return;
        }
        boolean signable = "GET".equals(request.requestMethod())
                && (path.matches("/images/\\d+/(file|thumbnail)") || path.startsWith("/storage/"));
        if (signable && signer.get().valid(path, request.queryParams(SignedUrls.EXPIRES), request.queryParams(SignedUrls.SIGNATURE))) {
            return;
        }
        throw ApiError.unauthorized(signable
                ? "This link has expired or is not valid, and no API key was sent."
                : "This server needs an API key: send it as X-API-Key or as Authorization: Bearer.");
    }

    private Object notFound(Request request, Response response) {
        response.type(JsonBodies.CONTENT_TYPE);
        Set<String> allowed = AllowedMethods.of(request.uri());
        ApiError error = !allowed.isEmpty() && !allowed.contains(request.requestMethod())
                ? new ApiError(405, "method_not_allowed", request.requestMethod() + " is not allowed here; use "
                        + String.join(" or ", new TreeSet<>(allowed)) + ".",
                        Map.of("Allow", String.join(", ", new TreeSet<>(allowed))), null)
                : ApiError.notFound("There is nothing at this address.");
        response.status(error.status());
        error.headers().forEach(response::header);
        noteClientError(error, request);
        return JsonBodies.error(error);
    }

    /** A request Jetty refused while Spark read it (a query string that is not UTF-8, say): its 4xx, without a trace. */
    private static Optional<ApiError> refusedByJetty(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadMessageException bad && bad.getCode() >= 400 && bad.getCode() < 500) {
                return Optional.of(new ApiError(bad.getCode(), JsonErrorJetty.label(bad.getCode()), "The request was refused: "
                        + Optional.ofNullable(bad.getReason()).orElse(HttpStatus.getMessage(bad.getCode())) + "."));
            }
        }
        return Optional.empty();
    }

    private void noteClientError(ApiError error, Request request) {
        if (error.status() >= 400 && error.status() < 500) {
            clientErrors.record(proxies.clientAddress(request.ip(), request.headers("X-Forwarded-For")), error.status(),
                    request.requestMethod(), request.uri(), error.getMessage());
        }
    }

    private void answer(ApiError error, Request request, Response response) {
        noteClientError(error, request);
        response.status(error.status());
        response.type(JsonBodies.CONTENT_TYPE);
        error.headers().forEach((name, value) -> response.raw().setHeader(name, value));
        if (!"close".equals(error.headers().get("Connection"))) {
            response.body(JsonBodies.error(error));
            return;
        }
        // refused before its body was read: send the answer now, not after Jetty has drained the body
        try {
            byte[] body = JsonBodies.error(error).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            response.raw().setContentLength(body.length);
            response.raw().getOutputStream().write(body);
            response.raw().flushBuffer();
        } catch (IOException e) {
            LOG.debug("Could not send a {} answer: {}", error.status(), e.toString());
        }
    }

    /** The folder this server spools upload parts to (tests look into it). */
    Path spoolFolder() {
        return spool.folder();
    }

    /** The port the server listens on. */
    public int port() {
        return http.port();
    }

    /**
     * Stops taking requests (new ones get 503), lets those in progress finish for up to
     * {@code grace}, then stops the server.
     */
    public synchronized void stop(Duration grace) {
        if (http == null) {
            return;
        }
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            LOG.warn("Stopping with {} requests still running after {} s", inFlight.get(), grace.toSeconds());
        }
        http.stop();
        http.awaitStop();
        uploadWorkers.shutdownNow();
        try {
            uploadWorkers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        spool.close();
        clientErrors.flush();
        http = null;
        LOG.info("Server stopped");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
