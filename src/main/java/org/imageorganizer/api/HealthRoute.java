package org.imageorganizer.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.imageorganizer.services.LibraryQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Response;
import spark.Service;

/**
 * GET /health: 200 {@code "ok"} when the model is loaded and the database answers; else 503 with
 * {@code "loading"} while the server starts (the library opens, the model loads), {@code "failed"}
 * and the reason when start-up failed, {@code "shutting_down"} or {@code "unavailable"}. Needs no key
 * and never waits.
 */
final class HealthRoute {
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoute.class);

    private final StartingServices services;
    private final BooleanSupplier draining;

    HealthRoute(StartingServices services, BooleanSupplier draining) {
        this.services = services;
        this.draining = draining;
    }

    void register(Service http) {
        http.get("/health", (req, res) -> health(res));
    }

    private Object health(Response response) {
        StartingServices.Stage stage = services.stage();
        LibraryQueries library = services.libraryIfOpen();
        Long count = null;
        if (library != null) {
            try {
                count = library.count();
            } catch (RuntimeException e) {
                LOG.warn("Health check: the database does not answer: {}", e.toString());
            }
        }
        boolean healthy = stage == StartingServices.Stage.READY && count != null && !draining.getAsBoolean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "ok" : status(stage, library != null && count == null));
        if (stage == StartingServices.Stage.FAILED) {
            body.put("error", services.failure());
        }
        body.put("version", services.build().version());
        body.put("model_loaded", services.modelLoaded());
        body.put("database_reachable", count != null);
        body.put("image_count", count);
        body.put("license", "AGPL-3.0-or-later");
        body.put("source", services.build().sourceUrl());
        response.status(healthy ? 200 : 503);
        if (stage == StartingServices.Stage.LOADING && !draining.getAsBoolean()) {
            response.header("Retry-After", "1");
        }
        return JsonBodies.write(body);
    }

    private String status(StartingServices.Stage stage, boolean databaseSilent) {
        if (draining.getAsBoolean()) {
            return "shutting_down";
        }
        if (stage == StartingServices.Stage.FAILED) {
            return "failed";
        }
        return databaseSilent ? "unavailable" : stage == StartingServices.Stage.LOADING ? "loading" : "unavailable";
    }
}
