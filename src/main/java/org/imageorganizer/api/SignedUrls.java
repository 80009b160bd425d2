package org.imageorganizer.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived links to image bytes for {@code <img>} tags, which cannot send the API key: the
 * path and an expiry time, signed with HMAC-SHA256. The signing key is derived from the API key,
 * so every server instance behind a load balancer accepts the others' links.
 */
final class SignedUrls {
    static final String EXPIRES = "expires";
    static final String SIGNATURE = "signature";

    private final byte[] key;
    private final Duration lifetime;
    private final Clock clock;

    SignedUrls(String apiKey, Duration lifetime, Clock clock) {
        this.key = hmac(apiKey.getBytes(StandardCharsets.UTF_8), "image-organizer signed URLs v1");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The query string ({@code expires=…&signature=…}) that makes {@code path} fetchable without the key. */
    String query(String path) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        return EXPIRES + "=" + expires + "&" + SIGNATURE + "=" + sign(path, expires);
    }

    /** Whether the signature is right for this path and has not expired. */
    boolean valid(String path, String expires, String signature) {
        if (expires == null || signature == null || !expires.matches("\\d{1,12}")) {
            return false;
        }
        long until = Long.parseLong(expires);
        if (clock.instant().getEpochSecond() > until) {
            return false;
        }
        return MessageDigest.isEqual(sign(path, until).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String path, long expires) {
        return HexFormat.of().formatHex(hmac(key, path + "\n" + expires));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
        }
    }
}
