package org.imageorganizer.api;

import java.util.Map;

/**
 * An error answered to the client as {@code {"error": "...", "detail": "..."}} with an HTTP status.
 * The detail is a sentence for a person; it never holds a stack trace.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final transient Map<String, String> headers;
    private final transient Object extra;

    ApiError(int status, String error, String detail) {
        this(status, error, detail, Map.of(), null);
    }

    /**
     * @param headers response headers to add (Retry-After, Allow…)
     * @param extra   more JSON fields for the body (per-file results of an upload), or null
     */
    ApiError(int status, String error, String detail, Map<String, String> headers, Object extra) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
        this.headers = Map.copyOf(headers);
        this.extra = extra;
    }

    static ApiError badRequest(String detail) {
        return new ApiError(400, "bad_request", detail);
    }

    static ApiError notFound(String detail) {
        return new ApiError(404, "not_found", detail);
    }

    static ApiError unauthorized(String detail) {
        return new ApiError(401, "unauthorized", detail, Map.of("WWW-Authenticate", "Bearer"), null);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    Map<String, String> headers() {
        return headers;
    }

    Object extra() {
        return extra;
    }
}
