package org.imageorganizer.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Checks the API key a request carries ({@code X-API-Key: KEY} or {@code Authorization: Bearer KEY}).
 * Keys are compared as SHA-256 digests with {@link MessageDigest#isEqual}, in constant time and
 * without revealing the key's length.
 */
final class ApiKeyCheck {
    private final byte[] expectedDigest;

    ApiKeyCheck(String key) {
        this.expectedDigest = digest(key);
    }

    /** Whether one of the request's headers holds the key. */
    boolean accepts(String apiKeyHeader, String authorizationHeader) {
        Optional<String> given = Optional.ofNullable(apiKeyHeader).filter(s -> !s.isEmpty())
                .or(() -> bearer(authorizationHeader));
        return given.isPresent() && MessageDigest.isEqual(expectedDigest, digest(given.get()));
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).strip());
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
