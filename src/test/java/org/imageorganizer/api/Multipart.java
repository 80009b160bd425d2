package org.imageorganizer.api;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body built by hand, so a test controls every header of every part. */
final class Multipart {
    private final String boundary = "----test" + UUID.randomUUID().toString().replace("-", "");
    private final List<byte[]> parts = new ArrayList<>();

    /** A file part; {@code fileName} and {@code contentType} are sent exactly as given. */
    Multipart file(String field, String fileName, String contentType, byte[] content) {
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
        parts.add(join(head.getBytes(StandardCharsets.UTF_8), content, "\r\n".getBytes(StandardCharsets.US_ASCII)));
        return this;
    }

    /** A plain form field (no file name). */
    Multipart field(String field, String value) {
        String part = "--" + boundary + "\r\n" + "Content-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n";
        parts.add(part.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.Builder post(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body()));
    }

    private static byte[] join(byte[]... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            out.writeBytes(piece);
        }
        return out.toByteArray();
    }
}
