package org.imageorganizer.store.cloud;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.imageorganizer.common.RetryPolicy;

/**
 * How to reach Cloudinary and how to use it. The account comes from the standard
 * {@code CLOUDINARY_URL} ({@code cloudinary://API_KEY:API_SECRET@CLOUD_NAME}, optionally with the
 * SDK's query parameters such as {@code upload_prefix}); {@link #toString()} and every message
 * show it with the secret masked.
 *
 * @param url            the CLOUDINARY_URL
 * @param delivery       authenticated (signed, expiring links) or public delivery
 * @param folder         the folder the public ids live in ({@code FOLDER/SHA256})
 * @param linkLifetime   how long a signed link stays valid
 * @param retry          tries per request and the backoff between them
 * @param requestTimeout the longest wait for an answer to one request
 * @param maxRetryAfter  the longest wait a rate-limit answer's Retry-After is obeyed for
 * @param connections    the most requests in flight at once (the connection pool's size)
 * @param authTokenKey   the hex key of Cloudinary's token-based access (a premium feature), or null
 */
public record CloudinaryConfig(
        String url,
        Delivery delivery,
        String folder,
        Duration linkLifetime,
        RetryPolicy retry,
        Duration requestTimeout,
        Duration maxRetryAfter,
        int connections,
        String authTokenKey) {

    /** The environment variable and the settings' name for the account. */
    public static final String VARIABLE = "CLOUDINARY_URL";
    /** The environment variable for the key of token-based access (optional). */
    public static final String AUTH_TOKEN_KEY_VARIABLE = "CLOUDINARY_AUTH_TOKEN_KEY";

    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9_\\-]{1,64}(/[A-Za-z0-9_\\-]{1,64}){0,3}");
    private static final Pattern CLOUD_NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,128}");
    private static final String SHAPE = "CLOUDINARY_URL must look like cloudinary://API_KEY:API_SECRET@CLOUD_NAME";

    /** How delivery links are made. */
    public enum Delivery {
        /** Assets of type {@code authenticated}: only signed links reach them; full-size links expire. */
        AUTHENTICATED("authenticated"),
        /** Assets of type {@code upload}: anyone with a link (or who guesses one) sees the image. */
        PUBLIC("upload");

        private final String type;

        Delivery(String type) {
            this.type = type;
        }

        /** Cloudinary's name for the delivery type. */
        public String type() {
            return type;
        }

        /** "authenticated" or "public", as in the settings. */
        public static Delivery parse(String text) {
            if (text == null || text.isBlank()) {
                return AUTHENTICATED;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "authenticated", "signed", "private" -> AUTHENTICATED;
                case "public", "upload" -> PUBLIC;
                default -> throw new IllegalArgumentException(
                        "cloudinary.delivery must be \"authenticated\" or \"public\", got \"" + text + "\"");
            };
        }
    }

    public CloudinaryConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(linkLifetime, "linkLifetime");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        folder = folder == null || folder.isBlank() ? "image-organizer" : folder.strip();
        if (!FOLDER.matcher(folder).matches()) {
            throw new IllegalArgumentException("cloudinary.folder may hold letters, digits, '-', '_' and up to 3 '/': " + folder);
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, got " + connections);
        }
        if (linkLifetime.isNegative() || linkLifetime.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the link lifetime and the request timeout must be positive");
        }
        authTokenKey = authTokenKey == null || authTokenKey.isBlank() ? null : authTokenKey.strip();
        validate(url);
    }

    /** The defaults for an account: authenticated delivery, 1-hour links, 4 tries, 60 s per request. */
    public static CloudinaryConfig of(String url) {
        return new CloudinaryConfig(url, Delivery.AUTHENTICATED, null, Duration.ofHours(1),
                new RetryPolicy(4, Duration.ofSeconds(1)), Duration.ofSeconds(60), Duration.ofMinutes(2), 8, null);
    }

    public CloudinaryConfig withDelivery(Delivery newDelivery) {
        return new CloudinaryConfig(url, newDelivery, folder, linkLifetime, retry, requestTimeout, maxRetryAfter,
                connections, authTokenKey);
    }

    public CloudinaryConfig withFolder(String newFolder) {
        return new CloudinaryConfig(url, delivery, newFolder, linkLifetime, retry, requestTimeout, maxRetryAfter,
                connections, authTokenKey);
    }

    public CloudinaryConfig withRetry(RetryPolicy newRetry, Duration newTimeout) {
        return new CloudinaryConfig(url, delivery, folder, linkLifetime, newRetry, newTimeout, maxRetryAfter,
                connections, authTokenKey);
    }

    public CloudinaryConfig withConnections(int newConnections) {
        return new CloudinaryConfig(url, delivery, folder, linkLifetime, retry, requestTimeout, maxRetryAfter,
                newConnections, authTokenKey);
    }

    public CloudinaryConfig withLinkLifetime(Duration lifetime) {
        return new CloudinaryConfig(url, delivery, folder, lifetime, retry, requestTimeout, maxRetryAfter,
                connections, authTokenKey);
    }

    public CloudinaryConfig withAuthTokenKey(String key) {
        return new CloudinaryConfig(url, delivery, folder, linkLifetime, retry, requestTimeout, maxRetryAfter,
                connections, key);
    }

    /** The cloud name from the URL. */
    public String cloudName() {
        return uri(url).getHost();
    }

    /** The API key from the URL (not a secret: Cloudinary sends it in every signed link). */
    public String apiKey() {
        String info = uri(url).getRawUserInfo();
        return info.substring(0, info.indexOf(':'));
    }

    /** The URL with its secret (and any token key) replaced by asterisks. */
    public String masked() {
        return mask(url);
    }

    @Override
    public String toString() {
        return "CloudinaryConfig[url=" + masked() + ", delivery=" + delivery + ", folder=" + folder
                + ", linkLifetime=" + linkLifetime + ", retry=" + retry + ", requestTimeout=" + requestTimeout
                + ", connections=" + connections + ", authTokenKey=" + (authTokenKey == null ? "none" : "****") + "]";
    }

    /** Any text with a CLOUDINARY_URL's secret, and token keys, masked: safe to log or print. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        return text.replaceAll("(cloudinary://[^:@/\\s]*:)[^@\\s]*@", "$1****@")
                .replaceAll("(?i)(auth_token(\\[|%5B)key(\\]|%5D)=)[^&\\s]*", "$1****");
    }

    private static void validate(String url) {
        URI uri = uri(url);
        if (!"cloudinary".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(SHAPE + " (it does not start with cloudinary://).");
        }
        String info = uri.getRawUserInfo();
        if (info == null || info.indexOf(':') <= 0 || info.indexOf(':') == info.length() - 1) {
            throw new IllegalArgumentException(SHAPE + " (the API key or secret is missing).");
        }
        if (uri.getHost() == null || !CLOUD_NAME.matcher(uri.getHost()).matches()) {
            throw new IllegalArgumentException(SHAPE + " (the cloud name is missing or malformed).");
        }
    }

    private static URI uri(String url) {
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            // the exception's text would repeat the URL, secret included
            throw new IllegalArgumentException(SHAPE + " (it is not a valid URL at position " + e.getIndex() + ").");
        }
    }
}
