package org.imageorganizer.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.imageorganizer.store.ManagedFolder;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * /storage/KEY: the managed storage folder served file by file, as the product spec's static mount.
 * Only names the folder itself generates are served (no directory listing, no other path can be
 * expressed); with an API key configured, the request needs the key or a signed link.
 */
final class StorageRoute {
    private static final Map<String, String> EXTENSIONS = Map.of(
            "jpg", "jpeg", "png", "png", "gif", "gif", "webp", "webp", "tif", "tiff", "bmp", "bmp");

    private final ManagedFolder folder;

    StorageRoute(ManagedFolder folder) {
        this.folder = folder;
    }

    void register(Service http) {
        http.get("/storage/*", this::serve);
    }

    private Object serve(Request request, Response response) throws IOException {
        String key = request.splat().length == 1 ? request.splat()[0] : "";
        Path file = folder.fileOf(key).filter(Files::isRegularFile)
                .orElseThrow(() -> ApiError.notFound("There is no stored file " + abbreviate(key) + "."));
        String extension = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : "";
        response.type(FileResponses.contentType(EXTENSIONS.getOrDefault(extension, "")));
        response.raw().setHeader("Cache-Control", "private, max-age=3600");
        response.raw().setContentLengthLong(Files.size(file));
        return Files.newInputStream(file);
    }

    private static String abbreviate(String key) {
        String printable = key.replaceAll("[^A-Za-z0-9._-]", "?");
        return printable.length() > 48 ? printable.substring(0, 48) + "…" : printable;
    }
}
