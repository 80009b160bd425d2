package org.imageorganizer.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imageorganizer.model.Category;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.LabelCorrecting;
import org.imageorganizer.services.LibrarySorting;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Sorting by hand (issue 18): {@code PATCH /images/ID} and {@code POST /images/corrections} set the user's
 * categories of photos ({@code null} gives back the model's), and {@code /categories} lists and edits the library's
 * categories; the server re-sorts the library by itself after a change of categories.
 */
final class SortingRoutes {
    /** The most photos one correction may name. */
    static final int MAX_IDS = 10_000;
    private static final String SET_BY = "web page or API";

    private final StartingServices services;
    private final ImageLinks links;

    SortingRoutes(StartingServices services, ImageLinks links) {
        this.services = services;
        this.links = links;
    }

    void register(Service http) {
        http.post("/images/corrections", this::correctMany);
        http.patch("/images/:id", this::correctOne);
        http.get("/categories", this::list);
        http.post("/categories", this::add);
        http.put("/categories/threshold", this::threshold);
        http.patch("/categories/:id", this::edit);
        http.delete("/categories/:id", this::remove);
    }

    /** The library's categories and threshold, and whether a re-sort is under way. */
    record Categories(List<CategoryJson> categories, double threshold, boolean resorting) {
    }

    /** One category. */
    record CategoryJson(long id, String kind, String name, String words) {
        static CategoryJson of(Category category) {
            return new CategoryJson(category.id(), category.kind().word(), category.name(), category.words());
        }
    }

    /** What a correction of several photos changed. */
    record Corrected(int changed) {
    }

    private Object correctOne(Request request, Response response) {
        long id = ImageRoutes.id(request);
        LibrarySorting sorting = services.sorting();
        if (services.library().image(id).isEmpty()) {
            throw ApiError.notFound("There is no image " + id + ".");
        }
        correct(sorting.corrections(), List.of(id), JsonBodies.readObject(request));
        ImageRecord image = services.library().image(id).orElseThrow(() -> ApiError.notFound("There is no image " + id + "."));
        response.type(JsonBodies.CONTENT_TYPE);
        return JsonBodies.write(ImageJson.of(image, links.imageFile(request, image), links.thumbnail(request, image), null));
    }

    private Object correctMany(Request request, Response response) {
        LibrarySorting sorting = services.sorting();
        JsonNode body = JsonBodies.readObject(request);
        JsonNode ids = body.get("ids");
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > MAX_IDS) {
            throw ApiError.badRequest("Send {\"ids\": [the photos' ids, 1 to " + MAX_IDS + "], \"object_category\": a name"
                    + " or null, \"background_category\": a name or null} (either category or both).");
        }
        Set<Long> chosen = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() < 1) {
                throw ApiError.badRequest("Every id must be a whole number of at least 1.");
            }
            chosen.add(id.asLong());
        }
        int changed = correct(sorting.corrections(), new ArrayList<>(chosen), body);
        response.type(JsonBodies.CONTENT_TYPE);
        return JsonBodies.write(new Corrected(changed));
    }

    /** Applies the body's {@code object_category} and {@code background_category}, whichever it has. */
    private static int correct(LabelCorrecting corrections, List<Long> ids, JsonNode body) {
        boolean any = false;
        int changed = 0;
        for (CategoryKind kind : CategoryKind.values()) {
            String field = kind.word() + "_category";
            if (!body.has(field)) {
                continue;
            }
            JsonNode value = body.get(field);
            if (!value.isNull() && !value.isTextual()) {
                throw ApiError.badRequest(field + " is a category's name, or null for the model's choice.");
            }
            any = true;
            try {
                changed = Math.max(changed, corrections.correct(ids, kind, value.isNull() ? null : value.asText(), SET_BY).size());
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest(e.getMessage());
            }
        }
        if (!any) {
            throw ApiError.badRequest("Send \"object_category\" or \"background_category\" (a name, or null for the model's"
                    + " choice).");
        }
        return changed;
    }

    private Object list(Request request, Response response) {
        return write(response, services.sorting());
    }

    private Object add(Request request, Response response) {
        LibrarySorting sorting = services.sorting();
        JsonNode body = JsonBodies.readObject(request);
        String kind = text(body, "kind", true);
        String name = text(body, "name", true);
        String words = text(body, "words", false);
        Category added;
        try {
            added = sorting.categories().add(CategoryKind.parse(kind), name, words);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        sorting.resort().request();
        response.status(201);
        response.type(JsonBodies.CONTENT_TYPE);
        return JsonBodies.write(CategoryJson.of(added));
    }

    private Object threshold(Request request, Response response) {
        LibrarySorting sorting = services.sorting();
        JsonNode value = JsonBodies.readObject(request).get("threshold");
        if (value == null || !value.isNumber()) {
            throw ApiError.badRequest("Send {\"threshold\": how sure the app must be of a category, from 0 to below 1}.");
        }
        try {
            sorting.categories().threshold(value.asDouble());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        sorting.resort().request();
        return write(response, sorting);
    }

    private Object edit(Request request, Response response) {
        LibrarySorting sorting = services.sorting();
        long id = categoryId(request, sorting);
        JsonNode body = JsonBodies.readObject(request);
        if (!body.has("name") && !body.has("words")) {
            throw ApiError.badRequest("Send \"name\" (a new name) or \"words\" (what describes it to the model, null for its name).");
        }
        Category edited = sorting.categories().get(id).orElseThrow();
        try {
            if (body.has("name")) {
                edited = sorting.categories().rename(id, text(body, "name", true));
            }
            if (body.has("words")) {
                edited = sorting.categories().describe(id, text(body, "words", false));
                sorting.resort().request(); // a new description may move photos; a new name moves none
            }
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        response.type(JsonBodies.CONTENT_TYPE);
        return JsonBodies.write(CategoryJson.of(edited));
    }

    private Object remove(Request request, Response response) {
        LibrarySorting sorting = services.sorting();
        long id = categoryId(request, sorting);
        Category removed;
        try {
            removed = sorting.categories().remove(id);
        } catch (IllegalArgumentException e) {
            throw new ApiError(409, "category_needed", e.getMessage(), Map.of(), null);
        }
        sorting.resort().request();
        response.type(JsonBodies.CONTENT_TYPE);
        return JsonBodies.write(Map.of("removed", CategoryJson.of(removed)));
    }

    private static long categoryId(Request request, LibrarySorting sorting) {
        String text = request.params(":id");
        if (text == null || !text.matches("\\d{1,18}")) {
            throw ApiError.badRequest("A category's id is a whole number, as GET /categories gives it.");
        }
        long id = Long.parseLong(text);
        if (sorting.categories().get(id).isEmpty()) {
            throw ApiError.notFound("There is no category " + id + ".");
        }
        return id;
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiError.badRequest("Send \"" + field + "\".");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("\"" + field + "\" is a text.");
        }
        return value.asText();
    }

    private static Object write(Response response, LibrarySorting sorting) {
        response.type(JsonBodies.CONTENT_TYPE);
        return JsonBodies.write(new Categories(sorting.categories().list().stream().map(CategoryJson::of).toList(),
                sorting.categories().threshold(), sorting.resort().busy()));
    }
}
