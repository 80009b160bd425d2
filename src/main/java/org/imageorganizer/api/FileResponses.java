package org.imageorganizer.api;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.ImageFiles;
import spark.Request;
import spark.Response;

/** Sends image bytes with the Content-Type of their detected format, cacheable no longer than their link lives. */
final class FileResponses {
    /** How long a browser may keep an image's bytes reached with the key. */
    static final long FILE_MAX_AGE = 3600;
    /** How long a browser may keep a thumbnail reached with the key. */
    static final long THUMBNAIL_MAX_AGE = 86_400;
    private static final Map<String, String> TYPES = Map.of(
            "jpeg", "image/jpeg", "png", "image/png", "gif", "image/gif", "webp", "image/webp",
            "tiff", "image/tiff", "bmp", "image/bmp");

    private FileResponses() {
    }

    static String contentType(String format) {
        return TYPES.getOrDefault(format, "application/octet-stream");
    }

    /**
     * The Cache-Control of bytes served: private (only the browser that asked keeps them), for
     * {@code maxSeconds}, and when the request came through a signed link, no longer than the link
     * is valid ({@code expires} − now), so nothing outlives the link it was fetched with.
     */
    static String cacheControl(Request request, long maxSeconds) {
        long seconds = maxSeconds;
        String expires = request.queryParams(SignedUrls.EXPIRES);
        if (expires != null && expires.matches("\\d{1,12}")) {
            seconds = Math.max(0, Math.min(seconds, Long.parseLong(expires) - Instant.now().getEpochSecond()));
        }
        return "private, max-age=" + seconds;
    }

    /** Streams the image; 404 when its file is gone (an indexed original moved or deleted). */
    static Object send(ImageFiles storage, ImageRecord image, Request request, Response response) throws IOException {
        if (!storage.exists(image)) {
            throw ApiError.notFound("The file of image " + image.id() + " is no longer where the library had it.");
        }
        response.type(contentType(image.format()));
        response.raw().setHeader("Cache-Control", cacheControl(request, FILE_MAX_AGE));
        response.header("Content-Disposition", "inline");
        response.raw().setContentLengthLong(image.byteSize());
        return storage.open(image); // Spark copies the stream to the response and closes it
    }

    static Object sendBytes(byte[] bytes, String type, Request request, Response response) {
        response.type(type);
        response.raw().setHeader("Cache-Control", cacheControl(request, THUMBNAIL_MAX_AGE));
        response.raw().setContentLength(bytes.length);
        return bytes;
    }
}
