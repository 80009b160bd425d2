package org.imageorganizer.api;

import org.imageorganizer.model.TakenRange;

import spark.Request;

/** The query parameters the routes share, checked: a 400 with a sentence when one is malformed. */
final class QueryParams {
    private QueryParams() {
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    static int intParam(Request request, String name, int fallback, int min, int max) {
        String text = request.queryParams(name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        if (!text.matches("\\d{1,10}")) {
            throw ApiError.badRequest(name + " must be a whole number from " + min + " to " + max + ".");
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw ApiError.badRequest(name + " must be from " + min + " to " + max + ".");
        }
        return (int) value;
    }

    /** A category name, or null when absent or blank. */
    static String label(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > 128) {
            throw ApiError.badRequest("A category name is at most 128 characters.");
        }
        return text.strip();
    }

    /** The {@code taken_after} / {@code taken_before} filter (see {@link TakenRange#parse}); 400 when unreadable. */
    static TakenRange takenRange(spark.Request request) {
        try {
            return TakenRange.parse(request.queryParams("taken_after"), request.queryParams("taken_before"),
                    "taken_after", "taken_before");
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }
}
