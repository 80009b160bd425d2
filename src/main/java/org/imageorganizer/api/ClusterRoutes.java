package org.imageorganizer.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.model.BackgroundGroup;
import org.imageorganizer.model.ObjectGroup;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.SubCluster;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * /clusters (flat) and /clusters/grouped (object → background → cluster). Both read the library as
 * it is now with the last stored clustering, never compute one: every image is in the answer, the
 * ones the clustering has not reached yet in their group's pending entry, and while a
 * recomputation is due the answer says {@code stale}. The library's queries keep the tree per library
 * version, and this class keeps each tree's JSON (written on first use), so reads between two
 * changes cost one small query. The ETag is a hash of the body and the stale flag: any change of
 * the answer, pending images included, changes it.
 */
final class ClusterRoutes {
    private final StartingServices services;
    private volatile Rendered last;

    ClusterRoutes(StartingServices services) {
        this.services = services;
    }

    void register(Service http) {
        http.get("/clusters", (req, res) -> respond(req, res, false));
        http.get("/clusters/grouped", (req, res) -> respond(req, res, true));
    }

    private Object respond(Request request, Response response, boolean grouped) {
        Rendered rendered = rendered(services.library().tree());
        Body body = grouped ? rendered.grouped() : rendered.flat();
        response.header("ETag", body.etag());
        response.header("X-Clusters-Stale", Boolean.toString(rendered.tree().stale()));
        response.raw().setHeader("Cache-Control", "no-cache");
        if (body.etag().equals(request.headers("If-None-Match"))) {
            response.status(304);
            return "";
        }
        return body.json();
    }

    /** The JSON of {@code tree}, kept while the clusterer hands out the same tree. */
    private Rendered rendered(OrganizedTree tree) {
        Rendered cached = last;
        if (cached != null && cached.tree() == tree) {
            return cached;
        }
        Rendered fresh = new Rendered(tree);
        last = fresh;
        return fresh;
    }

    /** An answer's body and its ETag. */
    private record Body(String json, String etag) {
        static Body of(String json, boolean stale) {
            byte[] hash = DigestUtils.sha256((stale ? "stale\n" : "fresh\n") + json);
            return new Body(json, "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"");
        }
    }

    /** One tree's two answers, each written when first asked for. */
    private static final class Rendered {
        private final OrganizedTree tree;
        private volatile Body grouped;
        private volatile Body flat;

        Rendered(OrganizedTree tree) {
            this.tree = tree;
        }

        OrganizedTree tree() {
            return tree;
        }

        Body grouped() {
            Body body = grouped;
            if (body == null) {
                body = Body.of(JsonBodies.write(tree.objects()), tree.stale());
                grouped = body;
            }
            return body;
        }

        Body flat() {
            Body body = flat;
            if (body == null) {
                body = Body.of(JsonBodies.write(flatJson(tree)), tree.stale());
                flat = body;
            }
            return body;
        }
    }

    /**
     * One cluster of the flat answer; {@code cluster_id} is null for a group's pending entry. A cluster with an
     * identity ends with its {@code cluster_key}, {@code name} and {@code cover_image_id}, as in the grouped answer.
     */
    @JsonPropertyOrder({"object_category", "background_category", "cluster_id", "noise", "pending", "image_ids"})
    record FlatCluster(
            @JsonProperty("object_category") String objectCategory,
            @JsonProperty("background_category") String backgroundCategory,
            @JsonProperty("cluster_id") @JsonInclude(JsonInclude.Include.ALWAYS) Integer clusterId,
            @JsonProperty("noise") boolean noise,
            @JsonProperty("pending") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean pending,
            @JsonProperty("image_ids") List<Long> imageIds,
            @JsonIgnore Map<String, Object> identity) {
        @JsonAnyGetter
        Map<String, Object> identityJson() {
            return identity;
        }
    }

    private static Map<String, Object> flatJson(OrganizedTree tree) {
        List<FlatCluster> clusters = new ArrayList<>();
        for (ObjectGroup object : tree.objects()) {
            for (BackgroundGroup background : object.subgroups()) {
                for (SubCluster cluster : background.clusters()) {
                    clusters.add(new FlatCluster(object.objectCategory(), background.backgroundCategory(),
                            cluster.pending() ? null : cluster.clusterId(), cluster.noise(), cluster.pending(),
                            cluster.imageIds(), cluster.identityJson()));
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clusters", clusters);
        body.put("stale", tree.stale());
        body.put("library_version", tree.libraryVersion());
        return body;
    }
}
