package org.imageorganizer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.imageorganizer.services.PhotoSearch;
import org.imageorganizer.services.SearchUnavailableException;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * /search (photos by a text) and /images/ID/similar (photos like one), answering with the images as
 * /images shows them, each with its score, best first.
 */
final class SearchRoutes {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;
    /** How deep the pages go (offset + limit), as the index allows. */
    private static final int MAX_WINDOW = 10_000;

    private final StartingServices services;
    private final ImageLinks links;

    SearchRoutes(StartingServices services, ImageLinks links) {
        this.services = services;
        this.links = links;
    }

    void register(Service http) {
        http.get("/search", this::search);
        http.get("/images/:id/similar", this::similar);
    }

    /** One image found: the image as /images shows it, and its score (cosine similarity, higher is closer). */
    record Found(@com.fasterxml.jackson.annotation.JsonUnwrapped ImageJson image, double score) {
    }

    /** A page of results; {@code next_offset} is null (and present) on the last page. */
    record Page(String query, List<Found> images, long total, int limit, int offset,
            @JsonInclude(JsonInclude.Include.ALWAYS) Integer nextOffset, List<Found> duplicates,
            List<String> suggestions, boolean approximate) {
    }

    private Object search(Request request, Response response) {
        String text = request.queryParams("q");
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest("Give the text to search for as q, e.g. /search?q=a+dog+on+the+beach.");
        }
        int limit = QueryParams.intParam(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = QueryParams.intParam(request, "offset", 0, 0, MAX_WINDOW - limit);
        PhotoSearch.SearchFilter filter = filter(request);
        PhotoSearch.SearchPage page = answer(() -> services.search().byText(text, filter, offset, limit));
        return write(request, response, text.strip(), page);
    }

    private Object similar(Request request, Response response) {
        long id = ImageRoutes.id(request);
        int limit = QueryParams.intParam(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = QueryParams.intParam(request, "offset", 0, 0, MAX_WINDOW - limit);
        PhotoSearch.SearchFilter filter = filter(request);
        PhotoSearch.SearchPage page;
        try {
            page = answer(() -> services.search().similarTo(id, filter, offset, limit));
        } catch (NoSuchElementException e) {
            throw ApiError.notFound("There is no image " + id + ".");
        }
        return write(request, response, null, page);
    }

    private static PhotoSearch.SearchFilter filter(Request request) {
        String object = QueryParams.label(request.queryParams("object"));
        String background = QueryParams.label(request.queryParams("background"));
        return new PhotoSearch.SearchFilter(object, background, null, QueryParams.takenRange(request));
    }

    /** Runs the search, turning what it says into the API's answers: 400 for the text, 503 while it cannot search. */
    private static PhotoSearch.SearchPage answer(java.util.function.Supplier<PhotoSearch.SearchPage> search) {
        try {
            return search.get();
        } catch (SearchUnavailableException e) {
            throw new ApiError(503, e.temporary() ? "loading" : "search_unavailable", e.getMessage(),
                    e.temporary() ? Map.of("Retry-After", "2") : Map.of(), null);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("The search text cannot be used: " + e.getMessage() + ".");
        }
    }

    private Object write(Request request, Response response, String query, PhotoSearch.SearchPage page) {
        response.type(JsonBodies.CONTENT_TYPE);
        return JsonBodies.write(new Page(query, found(request, page.images()), page.matched(), page.limit(), page.offset(),
                page.nextOffset(), found(request, page.duplicates()), page.suggestions(), page.approximate()));
    }

    private List<Found> found(Request request, List<PhotoSearch.FoundImage> images) {
        return images.stream().map(f -> new Found(ImageJson.of(f.image(), links.imageFile(request, f.image()),
                links.thumbnail(request, f.image()), null), Math.round(f.score() * 10_000) / 10_000.0)).toList();
    }
}
