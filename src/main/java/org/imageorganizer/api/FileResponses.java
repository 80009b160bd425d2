package org.imageorganizer.api;

import java.io.IOException;
import java.util.Map;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.store.ImageStorage;
import spark.Response;

/** Sends image bytes with the Content-Type of their detected format. */
final class FileResponses {
    private static final Map<String, String> TYPES = Map.of(
            "jpeg", "image/jpeg", "png", "image/png", "gif", "image/gif", "webp", "image/webp",
            "tiff", "image/tiff", "bmp", "image/bmp");

    private FileResponses() {
    }

    static String contentType(String format) {
        return TYPES.getOrDefault(format, "application/octet-stream");
    }

    /** Streams the image; 404 when its file is gone (an indexed original moved or deleted). */
    static Object send(ImageStorage storage, ImageRecord image, Response response) throws IOException {
        if (!storage.exists(image)) {
            throw ApiError.notFound("The file of image " + image.id() + " is no longer where the library had it.");
        }
        response.type(contentType(image.format()));
        response.raw().setHeader("Cache-Control", "private, max-age=3600");
        response.header("Content-Disposition", "inline");
        response.raw().setContentLengthLong(image.byteSize());
        return storage.open(image); // Spark copies the stream to the response and closes it
    }

    static Object sendBytes(byte[] bytes, String type, Response response) throws IOException {
        response.type(type);
        response.raw().setHeader("Cache-Control", "private, max-age=86400");
        response.raw().setContentLength(bytes.length);
        return bytes;
    }
}
