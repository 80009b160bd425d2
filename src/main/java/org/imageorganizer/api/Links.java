package org.imageorganizer.api;

import java.util.Optional;
import spark.Request;

/** Builds the absolute links the API hands out, signed when the server has a key. */
final class Links {
    private final Optional<SignedUrls> signer;
    private final TrustedProxies proxies;

    Links(Optional<SignedUrls> signer, TrustedProxies proxies) {
        this.signer = signer;
        this.proxies = proxies;
    }

    String imageFile(Request request, long id) {
        return link(request, "/images/" + id + "/file");
    }

    String thumbnail(Request request, long id) {
        return link(request, "/images/" + id + "/thumbnail");
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
