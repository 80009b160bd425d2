package org.imageorganizer.store.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.common.RetryPolicy;
import org.imageorganizer.model.RemoteCopy;
import org.imageorganizer.store.RemoteStore;
import org.imageorganizer.store.RemoteStoreException;
import org.imageorganizer.testing.CloudinaryStandIn;
import org.imageorganizer.testing.FakeCloudinary;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link CloudinaryStorage} through the real SDK against the stand-in: success, 401, 5xx, timeouts, rate limits, links. */
class CloudinaryStorageTest {
    private static final String UPLOAD = "/v1_1/" + CloudinaryStandIn.CLOUD + "/image/upload";

    private CloudinaryStandIn standIn;
    private CloudinaryStorage storage;
    private final byte[] jpeg = TestImages.encode(TestImages.picture(1, 1, 64, 48), "jpg");
    private final String sha = DigestUtils.sha256Hex(jpeg);

    @BeforeEach
    void start() {
        standIn = new CloudinaryStandIn();
        storage = new CloudinaryStorage(config(standIn.cloudinaryUrl()));
    }

    @AfterEach
    void stop() {
        storage.close();
        standIn.close();
    }

    /** Fast retries and a short timeout, so that failing tests stay quick. */
    private static CloudinaryConfig config(String url) {
        return CloudinaryConfig.of(url).withRetry(new RetryPolicy(3, Duration.ofMillis(20)), Duration.ofMillis(800));
    }

    private int uploadRequests() {
        return standIn.server().countRequestsMatching(postRequestedFor(urlPathEqualTo(UPLOAD)).build()).getCount();
    }

    @Test
    void uploadsUnderTheContentIdAsAnAuthenticatedAssetAndASecondUploadFindsItThere() throws Exception {
        RemoteStore.Uploaded first = storage.upload(sha, jpeg, "jpg");

        assertThat(first.existing()).isFalse();
        assertThat(first.copy().publicId()).isEqualTo("image-organizer/" + sha);
        assertThat(first.copy().format()).isEqualTo("jpg");
        assertThat(first.copy().deliveryType()).isEqualTo("authenticated");
        assertThat(first.copy().version()).isPositive();
        assertThat(standIn.fake().assets().get(first.copy().publicId()).bytes()).isEqualTo(jpeg);

        RemoteStore.Uploaded second = storage.upload(sha, jpeg, "jpg");
        assertThat(second.existing()).isTrue();
        assertThat(second.copy()).isEqualTo(first.copy());
        assertThat(standIn.fake().createdCounts()).containsExactly(org.assertj.core.api.Assertions.entry(first.copy().publicId(), 1));
        assertThat(storage.find(sha)).contains(first.copy());
    }

    @Test
    void refusedCredentialsAreOneClearSentenceWithoutTheSecretAndAreNotRetried() {
        CloudinaryStorage wrong = new CloudinaryStorage(config(standIn.cloudinaryUrl("not-the-secret-at-all")));
        try {
            assertThatThrownBy(() -> wrong.upload(sha, jpeg, "jpg"))
                    .isInstanceOfSatisfying(RemoteStoreException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RemoteStoreException.Kind.CREDENTIALS);
                        assertThat(e.status()).isEqualTo(401);
                    })
                    .hasMessageStartingWith("Cloudinary refused the credentials in CLOUDINARY_URL (401")
                    .hasMessageNotContaining("not-the-secret-at-all");
            assertThat(uploadRequests()).isEqualTo(1);
            assertThatThrownBy(() -> wrong.find(sha)).isInstanceOfSatisfying(RemoteStoreException.class,
                    e -> assertThat(e.kind()).isEqualTo(RemoteStoreException.Kind.CREDENTIALS));
        } finally {
            wrong.close();
        }
    }

    @Test
    void aServerErrorIsRetriedAndTheNextTrySucceeds() throws Exception {
        standIn.server().stubFor(post(urlPathEqualTo(UPLOAD)).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("upstream unavailable"))
                .willSetStateTo("recovered"));

        RemoteStore.Uploaded uploaded = storage.upload(sha, jpeg, "jpg");

        assertThat(uploaded.existing()).isFalse();
        assertThat(uploadRequests()).isEqualTo(2);
        assertThat(standIn.fake().createdCounts().values()).containsExactly(1);
    }

    @Test
    void aTimeoutIsRetriedThenFailsWithItsReasonAfterTheLastTry() {
        standIn.server().stubFor(post(urlPathEqualTo(UPLOAD)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(3_000).withBody("{}")));

        long started = System.nanoTime();
        assertThatThrownBy(() -> storage.upload(sha, jpeg, "jpg"))
                .isInstanceOfSatisfying(RemoteStoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteStoreException.Kind.TEMPORARY);
                    assertThat(e.status()).isZero();
                })
                .hasMessageContaining("did not answer within")
                .hasMessageContaining("Gave up after 3 tries");
        assertThat(uploadRequests()).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aRateLimitIsObeyedForItsRetryAfterThenTheUploadGoesThrough() throws Exception {
        for (int status : new int[] {429, 420}) {
            standIn.fake().reset();
            standIn.server().resetScenarios();
            standIn.server().stubFor(post(urlPathEqualTo(UPLOAD)).atPriority(1)
                    .inScenario("limited-" + status).whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(status).withHeader("Retry-After", "1")
                            .withBody("{\"error\":{\"message\":\"Rate limit exceeded\"}}"))
                    .willSetStateTo("calm"));

            long started = System.nanoTime();
            RemoteStore.Uploaded uploaded = storage.upload(sha, jpeg, "jpg");

            assertThat(uploaded.copy().publicId()).endsWith(sha);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for Retry-After after %d", status)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @Test
    void aRejectedImageIsNotRetried() {
        assertThatThrownBy(() -> storage.upload(sha, "not an image".getBytes(), "jpg"))
                .isInstanceOfSatisfying(RemoteStoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(RemoteStoreException.Kind.REJECTED))
                .hasMessageContaining("400");
        assertThat(uploadRequests()).isEqualTo(1);
    }

    @Test
    void signedLinksReachTheAssetAndThumbnailsAreATransformationOfIt() throws Exception {
        RemoteCopy copy = storage.upload(sha, jpeg, "jpg").copy();

        String thumbnail = storage.thumbnailUrl(copy, 256);
        assertThat(thumbnail).startsWith(standIn.base() + "/demo/image/authenticated/s--")
                .contains("/c_limit,h_256,w_256/v" + copy.version() + "/image-organizer/" + sha + ".jpg");
        assertThat(get(thumbnail)).isEqualTo(200);
        assertThat(get(thumbnail.replace("w_256", "w_2560"))).as("a changed transformation loses the signature").isEqualTo(401);

        String image = storage.imageUrl(copy);
        assertThat(image).startsWith(standIn.base() + "/v1_1/demo/image/download?").contains("expires_at=")
                .doesNotContain(FakeCloudinary.API_SECRET);
        assertThat(get(image)).isEqualTo(200);
        assertThat(get(image.replace("public_id=image-organizer", "public_id=other"))).isEqualTo(401);

        CloudinaryStorage expired = new CloudinaryStorage(config(standIn.cloudinaryUrl()).withLinkLifetime(Duration.ofSeconds(1)),
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofHours(-2)));
        try {
            assertThat(get(expired.imageUrl(copy))).as("an expired link").isEqualTo(401);
        } finally {
            expired.close();
        }
    }

    @Test
    void publicDeliveryMakesPlainLinks() throws Exception {
        CloudinaryStorage open = new CloudinaryStorage(config(standIn.cloudinaryUrl()).withDelivery(CloudinaryConfig.Delivery.PUBLIC));
        try {
            RemoteCopy copy = open.upload(sha, jpeg, "jpg").copy();
            assertThat(copy.deliveryType()).isEqualTo("upload");
            assertThat(open.imageUrl(copy)).isEqualTo(standIn.base() + "/demo/image/upload/v" + copy.version()
                    + "/image-organizer/" + sha + ".jpg");
            assertThat(open.thumbnailUrl(copy, 128)).doesNotContain("s--").contains("/c_limit,h_128,w_128/");
            assertThat(get(open.imageUrl(copy))).isEqualTo(200);
        } finally {
            open.close();
        }
    }

    @Test
    void deleteRemovesTheAssetAndMarkDeletedKeepsItWithATag() throws Exception {
        RemoteCopy copy = storage.upload(sha, jpeg, "jpg").copy();
        storage.markDeleted(copy);
        assertThat(standIn.fake().assets().get(copy.publicId()).tags()).containsExactly(CloudinaryStorage.DELETED_TAG);

        storage.delete(copy);
        assertThat(standIn.fake().assets()).isEmpty();
        assertThat(storage.find(sha)).isEmpty();
        storage.delete(copy); // already gone: no error
    }

    @Test
    void theImageOfARecordKeptInCloudinaryCanBeRead() throws Exception {
        RemoteCopy copy = storage.upload(sha, jpeg, "jpg").copy();
        var record = new org.imageorganizer.model.ImageRecord(1, sha, copy.path(), "a.jpg", jpeg.length, 64, 48, "jpeg",
                java.time.Instant.now(), new org.imageorganizer.model.Classification(
                        new org.imageorganizer.model.Label("cat", 0.9), new org.imageorganizer.model.Label("indoor", 0.8)),
                org.imageorganizer.model.StorageKind.CLOUDINARY);
        assertThat(storage.exists(record)).isTrue();
        try (var in = storage.open(record)) {
            assertThat(in.readAllBytes()).isEqualTo(jpeg);
        }
        assertThat(storage.localFile(record)).isEmpty();
    }

    private static int get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
