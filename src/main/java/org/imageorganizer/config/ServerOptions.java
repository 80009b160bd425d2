package org.imageorganizer.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the REST server runs: where it listens and what it lets in.
 *
 * @param host              the address to bind
 * @param port              the port, 0 for any free one
 * @param apiKey            the key every API call but /health must carry, when set
 * @param insecure          allow a non-loopback address without a key
 * @param corsOrigins       origins other than the server's own that may call the API from a browser
 * @param trustedProxies    addresses of reverse proxies whose X-Forwarded-* headers are believed
 * @param maxFileBytes      the largest file one upload part may carry
 * @param maxRequestBytes   the largest upload request body
 * @param maxFilesPerRequest the most files one upload request may carry
 * @param uploadsPerMinute  upload requests one client may make per minute
 * @param sourceUrl         where the running version's source is published (AGPL)
 * @param publicUrl         the address clients reach the server at ({@code https://photos.example.org}, maybe
 *                          with a path), when links should be absolute; empty: links are relative to the server
 * @param uploadsAtOnce     upload requests whose bodies are read at once, from all clients (each holds one
 *                          of the server's 64 request threads while it reads)
 * @param uploadsAtOncePerClient upload requests one client address may have read at once
 * @param minUploadBytesPerSecond the slowest average rate a request body may arrive at before it is cut
 *                          off with 408; 0 for no minimum
 * @param idleTimeout       how long a connection may send nothing (mid-body, or between requests) before it is closed
 */
public record ServerOptions(
        String host,
        int port,
        Optional<String> apiKey,
        boolean insecure,
        List<String> corsOrigins,
        List<String> trustedProxies,
        long maxFileBytes,
        long maxRequestBytes,
        int maxFilesPerRequest,
        int uploadsPerMinute,
        String sourceUrl,
        Optional<String> publicUrl,
        int uploadsAtOnce,
        int uploadsAtOncePerClient,
        int minUploadBytesPerSecond,
        Duration idleTimeout) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The address that listens on every network interface. */
    public static final String ANY_ADDRESS = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 200L * 1024 * 1024;
    public static final int DEFAULT_MAX_FILES = 100;
    public static final int DEFAULT_UPLOADS_PER_MINUTE = 60;
    public static final int DEFAULT_UPLOADS_AT_ONCE = 16;
    /** At most this many uploads read at once, so that reads keep threads of the server's 64 (see ADR 0018). */
    public static final int MAX_UPLOADS_AT_ONCE = 32;
    public static final int DEFAULT_UPLOADS_AT_ONCE_PER_CLIENT = 4;
    public static final int DEFAULT_MIN_UPLOAD_BYTES_PER_SECOND = 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        apiKey = apiKey.filter(k -> !k.isBlank());
        corsOrigins = List.copyOf(corsOrigins);
        trustedProxies = List.copyOf(trustedProxies);
        publicUrl = publicUrl.map(String::strip).filter(u -> !u.isEmpty()).map(ServerOptions::checkedPublicUrl);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (maxFileBytes < 1 || maxRequestBytes < maxFileBytes) {
            throw new IllegalArgumentException("the request limit must be at least the file limit");
        }
        if (maxFilesPerRequest < 1 || uploadsPerMinute < 1) {
            throw new IllegalArgumentException("the per-request file count and uploads per minute must be at least 1");
        }
        if (uploadsAtOnce < 1 || uploadsAtOnce > MAX_UPLOADS_AT_ONCE || uploadsAtOncePerClient < 1) {
            throw new IllegalArgumentException("uploads at once must be 1.." + MAX_UPLOADS_AT_ONCE
                    + " (the rest of the server's threads stay for reads), and at least 1 per client");
        }
        if (minUploadBytesPerSecond < 0) {
            throw new IllegalArgumentException("the minimum upload rate must be 0 (none) or more bytes a second");
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the idle timeout must be at least 1 second");
        }
    }

    /** Loopback only, no key, the default limits: what a test or a single user on their own machine runs. */
    public static ServerOptions local(int port) {
        return new ServerOptions(DEFAULT_HOST, port, Optional.empty(), false, List.of(), List.of(),
                DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_FILES, DEFAULT_UPLOADS_PER_MINUTE,
                BuildInfo.load().sourceUrl(), Optional.empty(), DEFAULT_UPLOADS_AT_ONCE,
                DEFAULT_UPLOADS_AT_ONCE_PER_CLIENT, DEFAULT_MIN_UPLOAD_BYTES_PER_SECOND, DEFAULT_IDLE_TIMEOUT);
    }

    /**
     * The public address as links are built from it: {@code http} or {@code https}, a host, an optional
     * port and path, no user, query or fragment; without a trailing slash.
     *
     * @throws IllegalArgumentException for anything else, saying what is wrong
     */
    static String checkedPublicUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The public URL " + url + " is not a URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("The public URL must be http:// or https:// with a host name, e.g. "
                    + "https://photos.example.org (got " + url + ").");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The public URL may not carry a user, a query (?) or a fragment (#): " + url);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        if (path.contains("//") || path.matches(".*/\\.{1,2}(/.*)?")) {
            throw new IllegalArgumentException("The public URL's path may not have empty, . or .. segments: " + url);
        }
        return scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path;
    }

    /** Listening on {@code address} instead (e.g. {@code 0.0.0.0}: every network interface). */
    public ServerOptions withHost(String address) {
        return new ServerOptions(address, port, apiKey, insecure, corsOrigins, trustedProxies,
                maxFileBytes, maxRequestBytes, maxFilesPerRequest, uploadsPerMinute, sourceUrl, publicUrl,
                uploadsAtOnce, uploadsAtOncePerClient, minUploadBytesPerSecond, idleTimeout);
    }

    public ServerOptions withApiKey(String key) {
        return new ServerOptions(host, port, Optional.ofNullable(key), insecure, corsOrigins, trustedProxies,
                maxFileBytes, maxRequestBytes, maxFilesPerRequest, uploadsPerMinute, sourceUrl, publicUrl,
                uploadsAtOnce, uploadsAtOncePerClient, minUploadBytesPerSecond, idleTimeout);
    }

    public ServerOptions withLimits(long fileBytes, long requestBytes, int filesPerRequest, int perMinute) {
        return new ServerOptions(host, port, apiKey, insecure, corsOrigins, trustedProxies,
                fileBytes, requestBytes, filesPerRequest, perMinute, sourceUrl, publicUrl,
                uploadsAtOnce, uploadsAtOncePerClient, minUploadBytesPerSecond, idleTimeout);
    }

    public ServerOptions withCors(List<String> origins) {
        return new ServerOptions(host, port, apiKey, insecure, origins, trustedProxies,
                maxFileBytes, maxRequestBytes, maxFilesPerRequest, uploadsPerMinute, sourceUrl, publicUrl,
                uploadsAtOnce, uploadsAtOncePerClient, minUploadBytesPerSecond, idleTimeout);
    }

    /** @param url the public address links are built from, or null for links relative to the server */
    public ServerOptions withPublicUrl(String url) {
        return new ServerOptions(host, port, apiKey, insecure, corsOrigins, trustedProxies,
                maxFileBytes, maxRequestBytes, maxFilesPerRequest, uploadsPerMinute, sourceUrl, Optional.ofNullable(url),
                uploadsAtOnce, uploadsAtOncePerClient, minUploadBytesPerSecond, idleTimeout);
    }

    public ServerOptions withTrustedProxies(List<String> proxies) {
        return new ServerOptions(host, port, apiKey, insecure, corsOrigins, proxies,
                maxFileBytes, maxRequestBytes, maxFilesPerRequest, uploadsPerMinute, sourceUrl, publicUrl,
                uploadsAtOnce, uploadsAtOncePerClient, minUploadBytesPerSecond, idleTimeout);
    }

    /** The bounds on uploads read at once: in total, and per client address. */
    public ServerOptions withUploadsAtOnce(int total, int perClient) {
        return new ServerOptions(host, port, apiKey, insecure, corsOrigins, trustedProxies,
                maxFileBytes, maxRequestBytes, maxFilesPerRequest, uploadsPerMinute, sourceUrl, publicUrl,
                total, perClient, minUploadBytesPerSecond, idleTimeout);
    }

    /** How slow a request body may arrive: an average rate (bytes a second, 0 for none) and a longest silence. */
    public ServerOptions withSlowBodyLimits(int minBytesPerSecond, Duration idle) {
        return new ServerOptions(host, port, apiKey, insecure, corsOrigins, trustedProxies,
                maxFileBytes, maxRequestBytes, maxFilesPerRequest, uploadsPerMinute, sourceUrl, publicUrl,
                uploadsAtOnce, uploadsAtOncePerClient, minBytesPerSecond, idle);
    }
}
