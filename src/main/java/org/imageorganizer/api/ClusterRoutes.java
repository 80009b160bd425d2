package org.imageorganizer.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imageorganizer.model.BackgroundGroup;
import org.imageorganizer.model.ObjectGroup;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.SubCluster;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * /clusters (flat) and /clusters/grouped (object → background → cluster). Both read the last
 * stored clustering, never compute one; while images changed and a recomputation is pending, the
 * answer says {@code stale}. The JSON is kept while the library does not change, so a read of an
 * unchanged library costs one small query.
 */
final class ClusterRoutes {
    private record Rendered(OrganizedTree tree, String grouped, String flat) {
    }

    private final ServerServices services;
    private volatile Rendered last;

    ClusterRoutes(ServerServices services) {
        this.services = services;
    }

    void register(Service http) {
        http.get("/clusters", (req, res) -> respond(req, res, false));
        http.get("/clusters/grouped", (req, res) -> respond(req, res, true));
    }

    private Object respond(Request request, Response response, boolean grouped) {
        Rendered rendered = render(services.clusterer().tree());
        String etag = "\"" + rendered.tree().libraryVersion() + (rendered.tree().stale() ? "s" : "") + "\"";
        response.header("ETag", etag);
        response.header("X-Clusters-Stale", Boolean.toString(rendered.tree().stale()));
        response.raw().setHeader("Cache-Control", "no-cache");
        if (!rendered.tree().stale() && etag.equals(request.headers("If-None-Match"))) {
            response.status(304);
            return "";
        }
        return grouped ? rendered.grouped() : rendered.flat();
    }

    private Rendered render(OrganizedTree tree) {
        Rendered cached = last;
        if (cached != null && cached.tree() == tree) {
            return cached;
        }
        Rendered fresh = new Rendered(tree, Json.write(tree.objects()), Json.write(flat(tree)));
        last = fresh;
        return fresh;
    }

    private static Map<String, Object> flat(OrganizedTree tree) {
        List<Map<String, Object>> clusters = new ArrayList<>();
        for (ObjectGroup object : tree.objects()) {
            for (BackgroundGroup background : object.subgroups()) {
                for (SubCluster cluster : background.clusters()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("object_category", object.objectCategory());
                    entry.put("background_category", background.backgroundCategory());
                    entry.put("cluster_id", cluster.clusterId());
                    entry.put("noise", cluster.noise());
                    entry.put("image_ids", cluster.imageIds());
                    clusters.add(entry);
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
