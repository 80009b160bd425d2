package org.imageorganizer.api;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.CloudLinks;
import spark.Request;

/**
 * Builds the links the API hands out, signed when the server has a key. They are relative to the
 * server ({@code /images/12/file?expires=…&signature=…}) unless a public address is configured, then
 * built from it; the Host header never makes them. Without a public address, a trusted proxy's
 * X-Forwarded-Host (and X-Forwarded-Proto) makes them absolute. Links into the cloud store are the
 * cloud's own, absolute. See docs/decisions/0019-requests-public-url.md.
 */
final class ImageLinks {
    /** The thumbnail size of {@code thumbnail_url}. */
    static final int THUMBNAIL_SIZE = 256;
    private static final Pattern HOST = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*|\\[[0-9A-Fa-f:.]{2,45}\\])(:\\d{1,5})?");

    private final Optional<SignedUrls> signer;
    private final TrustedProxies proxies;
    private final CloudLinks cloud;
    private final Optional<String> publicUrl;

    /** @param publicUrl the configured public address, checked and without a trailing slash, or empty */
    ImageLinks(Optional<SignedUrls> signer, TrustedProxies proxies, CloudLinks cloud, Optional<String> publicUrl) {
        this.signer = signer;
        this.proxies = proxies;
        this.cloud = cloud;
        this.publicUrl = publicUrl;
    }

    /** The image's bytes: the cloud's (signed, expiring) link for an image kept there, else this server's. */
    String imageFile(Request request, ImageRecord image) {
        return cloud.imageUrl(image).orElseGet(() -> link(request, "/images/" + image.id() + "/file"));
    }

    /** The image's thumbnail: a transformation link of the cloud for an image kept there, else this server's. */
    String thumbnail(Request request, ImageRecord image) {
        return cloud.thumbnailUrl(image, THUMBNAIL_SIZE)
                .orElseGet(() -> link(request, "/images/" + image.id() + "/thumbnail"));
    }

    private String link(Request request, String path) {
        return base(request) + path + signer.map(s -> "?" + s.query(path)).orElse("");
    }

    /**
     * What goes before a link's path: the public address when one is configured, else
     * scheme://host[:port] from a trusted proxy's X-Forwarded-Host and X-Forwarded-Proto, else nothing
     * (a link relative to the server).
     */
    String base(Request request) {
        if (publicUrl.isPresent()) {
            return publicUrl.get();
        }
        if (!proxies.trusts(request.ip())) {
            return "";
        }
        Optional<String> host = first(request.headers("X-Forwarded-Host")).filter(h -> h.length() <= 255 && HOST.matcher(h).matches());
        String scheme = first(request.headers("X-Forwarded-Proto")).map(s -> s.toLowerCase(Locale.ROOT))
                .filter(s -> s.equals("http") || s.equals("https")).orElse(request.scheme());
        return host.map(h -> scheme + "://" + h).orElse("");
    }

    /** The first value of a comma-separated forwarding header (the one the outermost proxy set). */
    private static Optional<String> first(String header) {
        return Optional.ofNullable(header).map(h -> h.split(",", 2)[0].strip()).filter(h -> !h.isEmpty());
    }
}
