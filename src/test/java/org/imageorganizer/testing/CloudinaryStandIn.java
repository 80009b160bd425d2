package org.imageorganizer.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Cloudinary's stand-in in this JVM: WireMock (the standalone jar, whose Jetty is relocated and so
 * does not meet Spark's Jetty 9.4) on a free loopback port, with {@link FakeCloudinary} behind the
 * mapping in {@code src/test/resources/cloudinary-stand-in}. Tests add their faults as stubs of a
 * higher priority.
 */
public final class CloudinaryStandIn implements AutoCloseable {
    public static final String CLOUD = "demo";

    private final FakeCloudinary fake = new FakeCloudinary();
    private final WireMockServer server;

    public CloudinaryStandIn() {
        server = new WireMockServer(wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(40)
                .usingFilesUnderClasspath("cloudinary-stand-in")
                .extensions(fake));
        server.start();
    }

    public FakeCloudinary fake() {
        return fake;
    }

    public WireMockServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /** The stand-in's base URL, for stubs and the journal. */
    public String base() {
        return "http://127.0.0.1:" + port();
    }

    /** A CLOUDINARY_URL whose API calls and delivery links all go to the stand-in. */
    public String cloudinaryUrl() {
        return cloudinaryUrl(FakeCloudinary.API_SECRET);
    }

    /** As {@link #cloudinaryUrl()} with another secret (a wrong one gets 401s). */
    public String cloudinaryUrl(String secret) {
        String hostPort = "127.0.0.1:" + port();
        return "cloudinary://" + FakeCloudinary.API_KEY + ":" + secret + "@" + CLOUD
                + "?upload_prefix=http://" + hostPort + "&secure=false&cname=" + hostPort;
    }

    @Override
    public void close() {
        server.stop();
    }
}
