package org.imageorganizer.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import spark.Response;
import spark.Service;

/**
 * The web page at / and its assets (one stylesheet, a few JavaScript modules), read once from the
 * jar's resources. They load without the API key; the page asks for the key and sends it with every
 * API call.
 */
final class WebPage {
    private static final String CSP = "default-src 'self'; img-src 'self' data: blob:%s; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Kept in step with {@link AllowedMethods}. */
    static final Map<String, String> ASSETS = Map.ofEntries(
            Map.entry("/", "index.html"),
            Map.entry("/static/app.css", "app.css"),
            Map.entry("/static/app.js", "app.js"),
            Map.entry("/static/api.js", "api.js"),
            Map.entry("/static/upload.js", "upload.js"),
            Map.entry("/static/library.js", "library.js"),
            Map.entry("/static/gallery.js", "gallery.js"),
            Map.entry("/static/images.js", "images.js"),
            Map.entry("/static/detail.js", "detail.js"),
            Map.entry("/static/search.js", "search.js"),
            Map.entry("/static/duplicates.js", "duplicates.js"),
            Map.entry("/static/categories.js", "categories.js"),
            Map.entry("/static/categoriespage.js", "categoriespage.js"),
            Map.entry("/static/labelchoice.js", "labelchoice.js"),
            Map.entry("/static/naming.js", "naming.js"),
            Map.entry("/static/selection.js", "selection.js"),
            Map.entry("/static/tree.js", "tree.js"),
            Map.entry("/static/drawer.js", "drawer.js"),
            Map.entry("/static/uploadwords.js", "uploadwords.js"));
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final String csp;

    WebPage() {
        this(java.util.List.of());
    }

    /** @param imageOrigins other origins the page may show images from (the cloud store's, when it delivers them) */
    WebPage(java.util.List<String> imageOrigins) {
        StringBuilder extra = new StringBuilder();
        imageOrigins.stream().filter(o -> o.matches("https?://[A-Za-z0-9.\\-]+(:\\d{1,5})?")).distinct()
                .forEach(o -> extra.append(' ').append(o));
        this.csp = String.format(CSP, extra);
    }

    void register(Service http) {
        ASSETS.forEach((path, resource) -> {
            byte[] content = load(resource);
            String type = TYPES.get(resource.substring(resource.lastIndexOf('.') + 1));
            http.get(path, (req, res) -> send(res, content, type));
        });
        http.get("/favicon.ico", (req, res) -> {
            res.status(204);
            return "";
        });
    }

    private Object send(Response response, byte[] content, String type) {
        response.type(type);
        response.header("Content-Security-Policy", csp);
        response.raw().setHeader("Cache-Control", "no-cache");
        return content;
    }

    private static byte[] load(String name) {
        try (InputStream in = WebPage.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the web page's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
