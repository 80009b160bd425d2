package org.imageorganizer.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Response;
import spark.Service;

/** GET /health: 200 when the model is loaded and the database answers, else 503. Needs no key. */
final class HealthRoute {
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoute.class);

    private final ServerServices services;
    private final BooleanSupplier draining;

    HealthRoute(ServerServices services, BooleanSupplier draining) {
        this.services = services;
        this.draining = draining;
    }

    void register(Service http) {
        http.get("/health", (req, res) -> health(res));
    }

    private Object health(Response response) {
        Long count = null;
        try {
            count = services.library().count();
        } catch (RuntimeException e) {
            LOG.warn("Health check: the database does not answer: {}", e.toString());
        }
        boolean healthy = count != null && !draining.getAsBoolean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "ok" : draining.getAsBoolean() ? "shutting_down" : "unavailable");
        body.put("version", services.build().version());
        body.put("model_loaded", services.uploads() != null);
        body.put("database_reachable", count != null);
        body.put("image_count", count);
        body.put("license", "AGPL-3.0-or-later");
        body.put("source", services.build().sourceUrl());
        response.status(healthy ? 200 : 503);
        return JsonBodies.write(body);
    }
}
