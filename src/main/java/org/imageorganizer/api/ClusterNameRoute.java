package org.imageorganizer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import org.imageorganizer.model.ClusterIdentity;
import org.imageorganizer.services.InvalidClusterNameException;
import org.imageorganizer.services.UnknownClusterException;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code PUT /clusters/{cluster_key}/name} with {@code {"name": "Ski trip"}} names a cluster, with
 * {@code {"name": null}} clears its name (ADR 0043). 404 for a key no cluster has, 400 for a name that is
 * empty, longer than 200 characters or holds control characters. The answer is the cluster's identity; the
 * trees of {@code /clusters} carry the name from then on.
 */
final class ClusterNameRoute {
    private final StartingServices services;

    ClusterNameRoute(StartingServices services) {
        this.services = services;
    }

    void register(Service http) {
        http.put("/clusters/:key/name", this::rename);
    }

    /** The answer: which cluster, and its name now. */
    @JsonPropertyOrder({"cluster_key", "object_category", "background_category", "cluster_id", "name", "cover_image_id"})
    record Named(
            @JsonProperty("cluster_key") String clusterKey,
            @JsonProperty("object_category") String objectCategory,
            @JsonProperty("background_category") String backgroundCategory,
            @JsonProperty("cluster_id") int clusterId,
            @JsonProperty("name") @JsonInclude(JsonInclude.Include.ALWAYS) String name,
            @JsonProperty("cover_image_id") @JsonInclude(JsonInclude.Include.ALWAYS) Long coverImageId) {
        static Named of(ClusterIdentity identity) {
            return new Named(identity.key(), identity.group().objectLabel(), identity.group().backgroundLabel(),
                    identity.clusterId(), identity.name(), identity.coverImageId());
        }
    }

    private Object rename(Request request, Response response) {
        JsonNode body = JsonBodies.readObject(request);
        JsonNode name = body.get("name");
        if (name == null || !(name.isTextual() || name.isNull())) {
            throw ApiError.badRequest("Send {\"name\": \"the cluster's name\"}, or {\"name\": null} to clear it.");
        }
        ClusterIdentity named;
        try {
            named = services.naming().nameByKey(request.params(":key"), name.isNull() ? null : name.asText());
        } catch (UnknownClusterException e) {
            throw ApiError.notFound(e.getMessage());
        } catch (InvalidClusterNameException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        response.type(JsonBodies.CONTENT_TYPE);
        return JsonBodies.write(Named.of(named));
    }
}
