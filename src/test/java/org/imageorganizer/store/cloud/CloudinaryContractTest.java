package org.imageorganizer.store.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.store.RemoteStore;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The contract with the real Cloudinary: what the stand-in imitates, checked against the service.
 * Runs only when CLOUDINARY_URL names an account (it uploads one small image to the folder
 * image-organizer-contract-test and deletes it again); skipped, saying so, otherwise.
 */
@Tag("cloudinary")
class CloudinaryContractTest {

    @Test
    void uploadIsIdempotentLinksWorkAndDeleteRemoves() throws Exception {
        String url = System.getenv(CloudinaryConfig.VARIABLE);
        assumeTrue(url != null && !url.isBlank(),
                "CLOUDINARY_URL is not set: the contract test against the real Cloudinary is skipped");
        byte[] png = TestImages.encode(TestImages.picture(2, UUID.randomUUID().hashCode() & 0xffff, 40, 30), "png");
        String sha = DigestUtils.sha256Hex(png);
        try (CloudinaryStorage cloud = new CloudinaryStorage(CloudinaryConfig.of(url).withFolder("image-organizer-contract-test"))) {
            RemoteStore.Uploaded first = cloud.upload(sha, png, "png");
            try {
                assertThat(first.existing()).isFalse();
                assertThat(first.copy().publicId()).isEqualTo("image-organizer-contract-test/" + sha);
                assertThat(first.copy().deliveryType()).isEqualTo("authenticated");
                assertThat(first.copy().format()).isEqualTo("png");

                RemoteStore.Uploaded second = cloud.upload(sha, png, "png");
                assertThat(second.existing()).as("overwrite=false answers with the existing asset").isTrue();
                assertThat(second.copy().version()).isEqualTo(first.copy().version());
                assertThat(cloud.find(sha)).contains(first.copy());

                assertThat(status(cloud.thumbnailUrl(first.copy(), 128))).as("signed thumbnail").isEqualTo(200);
                assertThat(status(cloud.imageUrl(first.copy()))).as("private download link").isEqualTo(200);
                String unsigned = cloud.thumbnailUrl(first.copy(), 128).replaceFirst("/s--[^/]+--", "");
                assertThat(status(unsigned)).as("an unsigned link to an authenticated asset").isNotEqualTo(200);
            } finally {
                cloud.delete(first.copy());
            }
            assertThat(cloud.find(sha)).isEmpty();
        }
    }

    private static int status(String link) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build()
                .send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
    }

}
