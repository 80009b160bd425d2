package org.imageorganizer.api;

import java.util.List;
import java.util.Set;
import spark.Request;
import spark.Response;

/**
 * Cross-origin access for the configured origins only (none by default: the server's own page is
 * same-origin and needs none). Preflight requests from an allowed origin are answered here.
 */
final class Cors {
    private final Set<String> origins;

    Cors(List<String> origins) {
        this.origins = Set.copyOf(origins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /** Adds the CORS headers for an allowed origin; true for a preflight request, which needs no more answer. */
    boolean apply(Request request, Response response) {
        String origin = request.headers("Origin");
        if (origin == null || !(origins.contains(origin) || origins.contains("*"))) {
            return false;
        }
        response.header("Access-Control-Allow-Origin", origins.contains("*") ? "*" : origin);
        response.header("Vary", "Origin");
        if ("OPTIONS".equals(request.requestMethod())) {
            response.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
            response.header("Access-Control-Allow-Headers", "X-API-Key, Authorization, Content-Type");
            response.header("Access-Control-Max-Age", "600");
            return true;
        }
        return false;
    }
}
