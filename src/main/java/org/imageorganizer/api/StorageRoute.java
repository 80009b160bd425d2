package org.imageorganizer.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import org.imageorganizer.services.UploadFolder;
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

    private final UploadFolder folder;

    StorageRoute(UploadFolder folder) {
        this.folder = folder;
    }

    void register(Service http) {
        http.get("/storage/*", this::serve);
    }

    private Object serve(Request request, Response response) {
        String key = request.splat().length == 1 ? request.splat()[0] : "";
        Path file = folder.fileOf(key).orElseThrow(() -> notStored(key));
        long size;
        InputStream content;
        try { // a regular file, never through a symbolic link (checked, and refused again when opening)
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw notStored(key);
            }
            size = attributes.size();
            content = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw notStored(key);
        }
        String extension = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : "";
        response.type(FileResponses.contentType(EXTENSIONS.getOrDefault(extension, "")));
        response.raw().setHeader("Cache-Control", FileResponses.cacheControl(request, FileResponses.FILE_MAX_AGE));
        response.raw().setContentLengthLong(size);
        return content;
    }

    private static ApiError notStored(String key) {
        return ApiError.notFound("There is no stored file " + abbreviate(key) + ".");
    }

    private static String abbreviate(String key) {
        String printable = key.replaceAll("[^A-Za-z0-9._-]", "?");
        return printable.length() > 48 ? printable.substring(0, 48) + "…" : printable;
    }
}
