package org.imageorganizer.api;

import java.util.Optional;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.RemoteCopy;
import org.imageorganizer.store.RemoteLinks;
import spark.Request;

/** Builds the absolute links the API hands out, signed when the server has a key. */
final class Links {
    /** The thumbnail size of {@code thumbnail_url}. */
    static final int THUMBNAIL_SIZE = 256;

    private final Optional<SignedUrls> signer;
    private final TrustedProxies proxies;
    private final Optional<RemoteLinks> cloud;

    Links(Optional<SignedUrls> signer, TrustedProxies proxies, Optional<RemoteLinks> cloud) {
        this.signer = signer;
        this.proxies = proxies;
        this.cloud = cloud;
    }

    /** The image's bytes: the cloud's (signed, expiring) link for an image kept there, else this server's. */
    String imageFile(Request request, ImageRecord image) {
        Optional<RemoteCopy> copy = cloudCopy(image);
        return copy.isPresent() ? cloud.orElseThrow().imageUrl(copy.get()) : link(request, "/images/" + image.id() + "/file");
    }

    /** The image's thumbnail: a transformation link of the cloud for an image kept there, else this server's. */
    String thumbnail(Request request, ImageRecord image) {
        Optional<RemoteCopy> copy = cloudCopy(image);
        return copy.isPresent() ? cloud.orElseThrow().thumbnailUrl(copy.get(), THUMBNAIL_SIZE)
                : link(request, "/images/" + image.id() + "/thumbnail");
    }

    /** The cloud copy of an image kept only in the cloud, when this server can make links to it. */
    Optional<RemoteCopy> cloudCopy(ImageRecord image) {
        return cloud.isPresent() ? RemoteCopy.of(image) : Optional.empty();
    }

    Optional<RemoteLinks> cloud() {
        return cloud;
    }

    private String link(Request request, String path) {
        return base(request) + path + signer.map(s -> "?" + s.query(path)).orElse("");
    }

    /** scheme://host[:port] as the client sees the server (through a trusted proxy's X-Forwarded-* headers). */
    String base(Request request) {
        String scheme = request.scheme();
        String host = request.host();
        if (proxies.trusts(request.ip())) {
            scheme = Optional.ofNullable(request.headers("X-Forwarded-Proto")).map(s -> s.split(",")[0].strip())
                    .filter(s -> s.equals("http") || s.equals("https")).orElse(scheme);
            host = Optional.ofNullable(request.headers("X-Forwarded-Host")).map(s -> s.split(",")[0].strip())
                    .orElse(host);
        }
        if (host == null || !host.matches("[A-Za-z0-9.\\-:\\[\\]]{1,255}")) {
            host = "localhost";
        }
        return scheme + "://" + host;
    }
}
