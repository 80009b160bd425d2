package org.imageorganizer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.LinkedHashMap;
import java.util.Map;

/** The API's JSON: snake_case names, nulls left out. */
final class JsonBodies {
    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private JsonBodies() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    /** The most a JSON request body may hold: a request naming a thousand photos fits well within it. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    /**
     * A request's JSON body, read up to {@link #MAX_REQUEST_BYTES}: 415 when it is not JSON, 413 when it is
     * larger, 400 when it is not valid JSON or not an object.
     */
    static com.fasterxml.jackson.databind.JsonNode readObject(spark.Request request) {
        String type = request.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "unsupported_media_type", "Send the request as JSON (Content-Type: application/json).");
        }
        byte[] body;
        try {
            body = request.raw().getInputStream().readNBytes(MAX_REQUEST_BYTES + 1);
        } catch (java.io.IOException e) {
            throw ApiError.badRequest("The request body could not be read.");
        }
        if (body.length > MAX_REQUEST_BYTES) {
            throw new ApiError(413, "payload_too_large", "The request body is over " + MAX_REQUEST_BYTES + " bytes.");
        }
        try {
            com.fasterxml.jackson.databind.JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("The request body must be a JSON object.");
            }
            return node;
        } catch (java.io.IOException e) {
            throw ApiError.badRequest("The request body is not valid JSON.");
        }
    }

    /** The body of an error answer. */
    static String error(ApiError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.error());
        body.put("detail", error.getMessage());
        if (error.extra() != null) {
            body.put("files", error.extra());
        }
        return write(body);
    }
}
