package org.imageorganizer.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.servlet.MultipartConfigElement;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the file parts of a multipart/form-data upload within the configured limits. Parts are
 * spooled to a temporary folder above 256 KiB, so memory does not grow with the body; a body over
 * the limit is refused from its Content-Length before it is read, or as soon as the parser passes
 * the limit when the length is not declared.
 */
final class MultipartUploads {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploads.class);
    private static final String JETTY_MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    private static final int SPOOL_THRESHOLD = 256 * 1024;

    private final Path spoolFolder;
    private final long maxFileBytes;
    private final long maxRequestBytes;
    private final int maxFiles;

    MultipartUploads(Path spoolFolder, long maxFileBytes, long maxRequestBytes, int maxFiles) {
        this.spoolFolder = spoolFolder;
        this.maxFileBytes = maxFileBytes;
        this.maxRequestBytes = maxRequestBytes;
        this.maxFiles = maxFiles;
    }

    /**
     * The request's file parts (every part with a file name, whatever its field name). The caller
     * must {@link #deleteAll} them when done.
     *
     * @throws ApiError 413, 415 or 400 when the body is too large, not multipart or malformed
     */
    List<Part> fileParts(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiError(415, "unsupported_media_type",
                    "Send the files as multipart/form-data (for example curl -F files=@photo.jpg).",
                    java.util.Map.of("Connection", "close"), null);
        }
        long declared = request.getContentLengthLong();
        if (declared > maxRequestBytes) {
            throw tooLarge("The request is " + declared + " bytes; the limit is " + maxRequestBytes + " bytes per request.");
        }
        request.setAttribute(JETTY_MULTIPART_CONFIG, new MultipartConfigElement(spoolFolder.toString(),
                maxFileBytes, maxRequestBytes, SPOOL_THRESHOLD));
        Collection<Part> parts;
        try {
            parts = request.getParts();
        } catch (IllegalStateException e) {
            // Jetty's parser stops at the first part or byte over a limit
            throw tooLarge("A file or the request is over the limit (" + maxFileBytes + " bytes per file, "
                    + maxRequestBytes + " bytes per request).");
        } catch (IOException | ServletException e) {
            LOG.debug("Malformed multipart body: {}", e.toString());
            throw ApiError.badRequest("The multipart body is malformed or incomplete.");
        }
        List<Part> files = new ArrayList<>();
        for (Part part : parts) {
            if (part.getSubmittedFileName() != null) {
                files.add(part);
            }
        }
        if (files.size() > maxFiles) {
            deleteAll(parts);
            throw tooLarge("The request carries " + files.size() + " files; the limit is " + maxFiles + " per request.");
        }
        if (files.isEmpty()) {
            deleteAll(parts);
            throw ApiError.badRequest("The request has no file parts (form fields with a file name).");
        }
        return files;
    }

    static ApiError tooLarge(String detail) {
        return new ApiError(413, "payload_too_large", detail, java.util.Map.of("Connection", "close"), null);
    }

    /** Removes the spooled parts now rather than when the request object is collected. */
    static void deleteAll(Collection<Part> parts) {
        for (Part part : parts) {
            try {
                part.delete();
            } catch (IOException e) {
                LOG.debug("Could not delete a spooled part: {}", e.toString());
            }
        }
    }
}
