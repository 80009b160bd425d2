package org.imageorganizer.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.servlet.MultipartConfigElement;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.Part;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.MultiParts;
import org.imageorganizer.config.ServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the file parts of a multipart/form-data upload within the configured limits. Parts are
 * spooled to a folder of the request's own above 256 KiB, so memory does not grow with the body; a
 * body over the limit is refused from its Content-Length before it is read, or as soon as the parser
 * passes the limit when the length is not declared. However the request ends (refused at a limit,
 * cut off for being too slow, the client gone, malformed, or the handler failing), closing the
 * {@link Received} deletes everything it spooled.
 */
final class MultipartUploads {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploads.class);
    private static final String JETTY_MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    private static final String JETTY_MULTIPARTS = "org.eclipse.jetty.multiParts";
    private static final String TOO_MANY_PARTS = "Form with too many parts";
    private static final int SPOOL_THRESHOLD = 256 * 1024;
    /** Plain form fields (no file) a request may carry beside its files. */
    private static final int PLAIN_FIELDS = 16;
    private static final Map<String, String> CLOSE = Map.of("Connection", "close");

    private final UploadSpool spool;
    private final ServerOptions limits;

    MultipartUploads(UploadSpool spool, ServerOptions limits) {
        this.spool = spool;
        this.limits = limits;
    }

    /** The most parts (files and plain fields) the multipart parser reads from one request. */
    static int maxParts(ServerOptions limits) {
        return limits.maxFilesPerRequest() + PLAIN_FIELDS;
    }

    /** The file parts of one request, spooled; closing deletes them with the request's spool folder. */
    static final class Received implements AutoCloseable {
        private final HttpServletRequest request;
        private final Path folder;
        private List<Part> files = List.of();

        private Received(HttpServletRequest request, Path folder) {
            this.request = request;
            this.folder = folder;
        }

        /** Every part with a file name, whatever its field name. */
        List<Part> files() {
            return files;
        }

        @Override
        public void close() {
            request.removeAttribute(JETTY_MULTIPART_CONFIG);
            if (request.getAttribute(JETTY_MULTIPARTS) instanceof MultiParts parsed) {
                try {
                    parsed.close(); // deletes the parts, the one the parser was writing when it stopped included
                } catch (IOException | RuntimeException e) {
                    LOG.debug("Could not delete the spooled parts: {}", e.toString());
                }
            }
            try {
                UploadSpool.deleteTree(folder);
            } catch (IOException e) {
                LOG.warn("Could not delete the upload spool folder {}: {}", folder, e.toString());
            }
        }
    }

    /**
     * Reads the request's body into spooled parts. The caller must close the answer when done.
     *
     * @throws ApiError 415 when the body is not multipart, 413 when it is over a limit, 408 when it
     *                  arrives too slowly, 400 when it is malformed or incomplete (after deleting what
     *                  was spooled)
     */
    Received receive(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiError(415, "unsupported_media_type",
                    "Send the files as multipart/form-data (for example curl -F files=@photo.jpg).", CLOSE, null);
        }
        long declared = request.getContentLengthLong();
        if (declared > limits.maxRequestBytes()) {
            throw tooLarge("The request is " + declared + " bytes; the limit is " + limits.maxRequestBytes()
                    + " bytes per request.");
        }
        Path folder = spool.newRequestFolder();
        request.setAttribute(JETTY_MULTIPART_CONFIG, new MultipartConfigElement(folder.toString(),
                limits.maxFileBytes(), limits.maxRequestBytes(), SPOOL_THRESHOLD));
        Received received = new Received(request, folder);
        boolean kept = false;
        try {
            received.files = fileParts(request.getParts());
            kept = true;
            return received;
        } catch (IllegalStateException e) {
            throw refused(e);
        } catch (IOException | ServletException e) {
            throw cutOff(e);
        } finally {
            if (!kept) {
                received.close();
            }
        }
    }

    private List<Part> fileParts(Collection<Part> parts) {
        List<Part> files = new ArrayList<>();
        for (Part part : parts) {
            if (part.getSubmittedFileName() != null) {
                files.add(part);
            }
        }
        if (files.size() > limits.maxFilesPerRequest()) {
            throw tooLarge("The request carries " + files.size() + " files; the limit is "
                    + limits.maxFilesPerRequest() + " per request.");
        }
        if (files.isEmpty()) {
            throw ApiError.badRequest("The request has no file parts (form fields with a file name).");
        }
        return files;
    }

    /** Jetty's parser stops with IllegalStateException at a limit, or wrapping what stopped the read. */
    private ApiError refused(IllegalStateException e) {
        if (e.getCause() != null) {
            return cutOff(e.getCause());
        }
        if (String.valueOf(e.getMessage()).startsWith(TOO_MANY_PARTS)) {
            return tooLarge("The request has more than " + maxParts(limits) + " form fields (parts); send at most "
                    + limits.maxFilesPerRequest() + " files and no more than " + PLAIN_FIELDS + " other fields.");
        }
        return tooLarge("A file or the request is over the limit (" + limits.maxFileBytes() + " bytes per file, "
                + limits.maxRequestBytes() + " bytes per request).");
    }

    /** The body stopped arriving: too slowly (408), silent for too long (408), or broken or gone (400). */
    private ApiError cutOff(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadMessageException bad && bad.getCode() == HttpStatus.REQUEST_TIMEOUT_408) {
                return timeout("The upload arrived slower than " + limits.minUploadBytesPerSecond()
                        + " bytes a second on average and was cut off; send it again over a faster connection.");
            }
            if (cause instanceof TimeoutException) {
                return timeout("Nothing of the upload arrived for " + limits.idleTimeout().toSeconds()
                        + " s and it was cut off; send it again.");
            }
        }
        LOG.debug("Malformed or incomplete multipart body: {}", e.toString());
        return new ApiError(400, "bad_request", "The multipart body is malformed or incomplete.", CLOSE, null);
    }

    private static ApiError timeout(String detail) {
        return new ApiError(408, "request_timeout", detail, CLOSE, null);
    }

    static ApiError tooLarge(String detail) {
        return new ApiError(413, "payload_too_large", detail, CLOSE, null);
    }
}
