package org.imageorganizer.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imageorganizer.services.PhotoDuplicates;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * /duplicates (the library's stacks of duplicates and near-duplicates) and /duplicates/resolve (keep
 * one photo of a stack, remove the others from the library: on this server, a removed upload's own
 * copy goes with it, and its cloud copy as {@code cloudinary.on_delete} says).
 */
final class DuplicateRoutes {
    /** The most photos one resolve may remove. */
    private static final int MAX_REMOVE = 1_000;

    private final StartingServices services;
    private final ImageLinks links;

    DuplicateRoutes(StartingServices services, ImageLinks links) {
        this.services = services;
        this.links = links;
    }

    void register(Service http) {
        http.get("/duplicates", this::list);
        http.post("/duplicates/resolve", this::resolve);
    }

    /** A photo of a stack, as /images shows it, with where it is and why it is there. */
    record Photo(@JsonUnwrapped ImageJson image, List<String> places, List<String> reasons, String why) {
    }

    record Stack(String token, Photo keeper, List<Photo> others) {
    }

    record Stacks(List<Stack> stacks, int total) {
    }

    record Removed(long id, boolean copyDeleted) {
    }

    record Resolved(long kept, List<Removed> removed) {
    }

    private Object list(Request request, Response response) {
        String exact = request.queryParams("exact_only");
        if (exact != null && !exact.equals("true") && !exact.equals("false")) {
            throw ApiError.badRequest("exact_only must be true or false.");
        }
        List<PhotoDuplicates.PhotoStack> stacks = services.duplicates().stacks("true".equals(exact));
        List<Stack> json = stacks.stream().map(s -> new Stack(s.token(), photo(request, s.keeper()),
                s.others().stream().map(o -> photo(request, o)).toList())).toList();
        response.type(JsonBodies.CONTENT_TYPE);
        return JsonBodies.write(new Stacks(json, json.size()));
    }

    private Photo photo(Request request, PhotoDuplicates.StackedPhoto photo) {
        return new Photo(ImageJson.of(photo.image(), links.imageFile(request, photo.image()),
                links.thumbnail(request, photo.image()), null), photo.places(), photo.reasons(), photo.why());
    }

    private Object resolve(Request request, Response response) throws InterruptedException {
        JsonNode body = JsonBodies.readObject(request);
        JsonNode token = body.get("token");
        JsonNode keep = body.get("keep");
        JsonNode remove = body.get("remove");
        if (token == null || !token.isTextual() || keep == null || !keep.canConvertToLong() || !keep.isIntegralNumber()
                || remove == null || !remove.isArray() || remove.isEmpty() || remove.size() > MAX_REMOVE) {
            throw ApiError.badRequest("Send {\"token\": the stack's token, \"keep\": the id to keep, \"remove\": [the ids"
                    + " to remove, 1 to " + MAX_REMOVE + "]}.");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : remove) {
            if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                throw ApiError.badRequest("Every id to remove must be a whole number.");
            }
            ids.add(id.asLong());
        }
        PhotoDuplicates.Resolved resolved;
        try {
            resolved = services.duplicates().resolve(token.asText(), keep.asLong(), ids);
        } catch (PhotoDuplicates.StackChangedException e) {
            throw new ApiError(409, "stack_changed", e.getMessage(), Map.of(), null);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("This stack cannot be resolved so: " + e.getMessage() + ".");
        }
        response.type(JsonBodies.CONTENT_TYPE);
        return JsonBodies.write(new Resolved(resolved.kept(), resolved.removed().stream()
                .map(r -> new Removed(r.image().id(), r.copyDeleted())).toList()));
    }
}
