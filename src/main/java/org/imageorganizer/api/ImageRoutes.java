package org.imageorganizer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.servlet.http.Part;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.ImageRemoval;
import org.imageorganizer.services.LibraryPage;
import org.imageorganizer.services.UndecodableImageException;
import org.imageorganizer.services.Uploads;
import org.imageorganizer.model.UploadOutcome;
import spark.Request;
import spark.Response;
import spark.Service;

/** /images: upload, list, one image, its bytes, its thumbnail, delete. */
final class ImageRoutes {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;
    private static final Set<Integer> THUMBNAIL_SIZES = Set.of(128, 256, 512);

    private final StartingServices services;
    private final MultipartUploads multipart;
    private final UploadAdmission admission;
    private final TrustedProxies proxies;
    private final ImageLinks links;
    private final ExecutorService uploadWorkers;
    private final long maxFileBytes;

    ImageRoutes(StartingServices services, MultipartUploads multipart, UploadAdmission admission,
            TrustedProxies proxies, ImageLinks links, ExecutorService uploadWorkers, long maxFileBytes) {
        this.services = services;
        this.multipart = multipart;
        this.admission = admission;
        this.proxies = proxies;
        this.links = links;
        this.uploadWorkers = uploadWorkers;
        this.maxFileBytes = maxFileBytes;
    }

    void register(Service http) {
        http.post("/images", this::upload);
        http.get("/images", this::list);
        http.get("/images/:id", (req, res) -> json(req, image(req), null));
        http.get("/images/:id/file", this::file);
        http.get("/images/:id/thumbnail", this::thumbnail);
        http.delete("/images/:id", this::delete);
    }

    private Object upload(Request request, Response response) throws InterruptedException {
        Uploads uploads = services.uploads(); // 503 with Retry-After, before the body is read, while the model loads
        String client = proxies.clientAddress(request.ip(), request.headers("X-Forwarded-For"));
        MultipartUploads.Received received;
        try (UploadAdmission.Permit place = admission.admit(client)) {
            received = multipart.receive(request.raw()); // the place is held while the body arrives
        }
        try (received) {
            List<Future<Object>> results = new ArrayList<>(received.files().size());
            for (Part part : received.files()) {
                results.add(uploadWorkers.submit(() -> toJson(request, importPart(uploads, part))));
            }
            List<Object> files = new ArrayList<>(results.size());
            for (Future<Object> result : results) {
                files.add(result.get());
            }
            return answer(response, files);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an upload failed", e.getCause());
        }
    }

    private UploadOutcome importPart(Uploads uploads, Part part) throws IOException, InterruptedException {
        byte[] content;
        try (InputStream in = part.getInputStream()) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
        }
        if (content.length > maxFileBytes) {
            return new UploadOutcome.Rejected(part.getSubmittedFileName(), UploadOutcome.RejectionKind.TOO_LARGE,
                    "file is over the limit of " + maxFileBytes + " bytes");
        }
        if (content.length == 0) {
            return new UploadOutcome.Rejected(part.getSubmittedFileName(), UploadOutcome.RejectionKind.DAMAGED, "empty file");
        }
        return uploads.upload(part.getSubmittedFileName(), content);
    }

    private Object toJson(Request request, UploadOutcome outcome) {
        if (outcome instanceof UploadOutcome.Created created) {
            return imageJson(request, created.image(), false);
        }
        if (outcome instanceof UploadOutcome.Duplicate duplicate) {
            return imageJson(request, duplicate.image(), true);
        }
        if (outcome instanceof UploadOutcome.NotStored notStored) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("filename", notStored.fileName());
            error.put("status", notStored.temporary() ? 503 : 502);
            error.put("error", notStored.temporary() ? "storage_unavailable" : "storage_refused");
            error.put("detail", "The image store did not keep the file: " + notStored.reason());
            return error;
        }
        UploadOutcome.Rejected rejected = (UploadOutcome.Rejected) outcome;
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("filename", rejected.fileName());
        error.put("status", status(rejected.kind()));
        error.put("error", errorCode(rejected.kind()));
        error.put("detail", rejected.reason());
        return error;
    }

    private static int status(UploadOutcome.RejectionKind kind) {
        return switch (kind) {
            case NOT_SUPPORTED -> 415;
            case TOO_LARGE -> 413;
            case DAMAGED, UNREADABLE -> 400;
        };
    }

    private static String errorCode(UploadOutcome.RejectionKind kind) {
        return switch (kind) {
            case NOT_SUPPORTED -> "unsupported_media_type";
            case TOO_LARGE -> "payload_too_large";
            case DAMAGED, UNREADABLE -> "invalid_image";
        };
    }

    /** 201 when an image was created, 200 when all were already there, else the files' error status. */
    private static Object answer(Response response, List<Object> files) {
        boolean created = files.stream().anyMatch(f -> f instanceof ImageJson j && !Boolean.TRUE.equals(j.duplicate()));
        boolean stored = files.stream().anyMatch(f -> f instanceof ImageJson);
        if (!stored) {
            List<Integer> statuses = files.stream().map(f -> (Integer) ((Map<?, ?>) f).get("status")).distinct().toList();
            int status = statuses.size() == 1 ? statuses.get(0) : 400;
            String detail = files.size() == 1 ? (String) ((Map<?, ?>) files.get(0)).get("detail")
                    : "None of the " + files.size() + " files could be added; see files for each reason.";
            throw new ApiError(status, files.size() == 1 ? (String) ((Map<?, ?>) files.get(0)).get("error")
                    : "no_image_added", detail, status == 503 ? Map.of("Retry-After", "30") : Map.of(), files);
        }
        response.status(created ? 201 : 200);
        response.type(JsonBodies.CONTENT_TYPE);
        return JsonBodies.write(Map.of("files", files));
    }

    /** A page of the list; {@code next_offset} is null (and present) on the last page. */
    record Page(List<ImageJson> images, long total, int limit, int offset,
            @JsonInclude(JsonInclude.Include.ALWAYS) Integer nextOffset) {
    }

    private Object list(Request request, Response response) {
        int limit = QueryParams.intParam(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = QueryParams.intParam(request, "offset", 0, 0, Integer.MAX_VALUE);
        String object = QueryParams.label(request.queryParams("object"));
        String background = QueryParams.label(request.queryParams("background"));
        LibraryPage page = services.library().page(object, background, QueryParams.takenRange(request), offset, limit);
        List<ImageJson> images = page.images().stream().map(image -> imageJson(request, image, null)).toList();
        response.type(JsonBodies.CONTENT_TYPE);
        return JsonBodies.write(new Page(images, page.total(), limit, offset, page.nextOffset()));
    }

    private Object file(Request request, Response response) throws IOException {
        ImageRecord image = image(request);
        var cloudLink = services.cloudLinks().imageUrl(image);
        if (cloudLink.isPresent()) {
            return redirect(response, cloudLink.get());
        }
        return FileResponses.send(services.files(), image, request, response);
    }

    /** 302 to the cloud's own link (an image kept in the cloud is delivered by the cloud, not through this server). */
    private static Object redirect(Response response, String location) {
        response.status(302);
        response.raw().setHeader("Location", location);
        response.type(JsonBodies.CONTENT_TYPE);
        return JsonBodies.write(Map.of("location", location));
    }

    private Object thumbnail(Request request, Response response) throws IOException {
        ImageRecord image = image(request);
        int size = QueryParams.intParam(request, "size", 256, 1, 4096);
        if (!THUMBNAIL_SIZES.contains(size)) {
            throw ApiError.badRequest("size must be one of " + THUMBNAIL_SIZES.stream().sorted().toList() + ".");
        }
        var cloudLink = services.cloudLinks().thumbnailUrl(image, size);
        if (cloudLink.isPresent()) {
            return redirect(response, cloudLink.get());
        }
        if (!services.files().exists(image)) {
            throw ApiError.notFound("The file of image " + image.id() + " is no longer where the library had it.");
        }
        try {
            byte[] jpeg = services.files().thumbnail(image, size);
            return FileResponses.sendBytes(jpeg, "image/jpeg", request, response);
        } catch (UndecodableImageException e) {
            throw new ApiError(422, "unprocessable", "The stored file can no longer be decoded: " + e.getMessage());
        }
    }

    private Object delete(Request request, Response response) throws InterruptedException {
        long id = id(request);
        ImageRemoval.Removed removed = services.removal().remove(id)
                .orElseThrow(() -> ApiError.notFound("There is no image " + id + "."));
        response.type(JsonBodies.CONTENT_TYPE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", removed.image().id());
        body.put("deleted", true);
        body.put("file_deleted", removed.copyDeleted());
        if (removed.remote() != ImageRemoval.RemoteOutcome.NONE) {
            body.put("remote_copy", removed.remote().name().toLowerCase(java.util.Locale.ROOT));
        }
        return JsonBodies.write(body);
    }

    private ImageRecord image(Request request) {
        long id = id(request);
        return services.library().image(id).orElseThrow(() -> ApiError.notFound("There is no image " + id + "."));
    }

    private Object json(Request request, ImageRecord image, Boolean duplicate) {
        return JsonBodies.write(imageJson(request, image, duplicate));
    }

    private ImageJson imageJson(Request request, ImageRecord image, Boolean duplicate) {
        return ImageJson.of(image, links.imageFile(request, image), links.thumbnail(request, image), duplicate);
    }

    static long id(Request request) {
        String text = request.params(":id");
        if (text == null || !text.matches("\\d{1,18}")) {
            throw ApiError.badRequest("The image id must be a positive whole number.");
        }
        return Long.parseLong(text);
    }
}
