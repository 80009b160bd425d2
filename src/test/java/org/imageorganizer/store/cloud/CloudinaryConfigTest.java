package org.imageorganizer.store.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CloudinaryConfigTest {
    private static final String URL = "cloudinary://123456789012345:VerySecretValue_abc@my-cloud";

    @Test
    void readsTheStandardUrlAndNeverShowsTheSecret() {
        CloudinaryConfig config = CloudinaryConfig.of(URL);

        assertThat(config.cloudName()).isEqualTo("my-cloud");
        assertThat(config.apiKey()).isEqualTo("123456789012345");
        assertThat(config.delivery()).isEqualTo(CloudinaryConfig.Delivery.AUTHENTICATED);
        assertThat(config.masked()).isEqualTo("cloudinary://123456789012345:****@my-cloud");
        assertThat(config.toString()).doesNotContain("VerySecretValue").contains("****");
        assertThat(config.withAuthTokenKey("abcdef0123").toString()).doesNotContain("abcdef0123");
    }

    @Test
    void masksSecretsInAnyText() {
        assertThat(CloudinaryConfig.mask("failed for " + URL + "?auth_token[key]=ffee00&x=1"))
                .isEqualTo("failed for cloudinary://123456789012345:****@my-cloud?auth_token[key]=****&x=1");
    }

    @Test
    void aMalformedUrlIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> CloudinaryConfig.of("cloudinary://keyonly@cloud"))
                .hasMessageContaining("cloudinary://API_KEY:API_SECRET@CLOUD_NAME");
        assertThatThrownBy(() -> CloudinaryConfig.of("https://123:VerySecretValue@cloud"))
                .hasMessageNotContaining("VerySecretValue");
        assertThatThrownBy(() -> CloudinaryConfig.of("cloudinary://123:Very Secret{Value@cloud"))
                .hasMessageNotContaining("Secret");
    }

    @Test
    void deliveryAndFolderAreChecked() {
        assertThat(CloudinaryConfig.Delivery.parse("public")).isEqualTo(CloudinaryConfig.Delivery.PUBLIC);
        assertThat(CloudinaryConfig.Delivery.parse(null)).isEqualTo(CloudinaryConfig.Delivery.AUTHENTICATED);
        assertThatThrownBy(() -> CloudinaryConfig.Delivery.parse("open")).hasMessageContaining("cloudinary.delivery");
        assertThatThrownBy(() -> CloudinaryConfig.of(URL).withFolder("../up")).hasMessageContaining("cloudinary.folder");
    }

    @Test
    void retryAfterIsReadInSecondsOrAsADate() {
        java.time.Instant now = java.time.Instant.parse("2025-01-01T00:00:00Z");
        assertThat(LastResponse.retryAfter(new org.apache.http.message.BasicHeader("Retry-After", "7"), now))
                .contains(java.time.Duration.ofSeconds(7));
        assertThat(LastResponse.retryAfter(new org.apache.http.message.BasicHeader("Retry-After",
                "Wed, 01 Jan 2025 00:00:30 GMT"), now)).contains(java.time.Duration.ofSeconds(30));
        assertThat(LastResponse.retryAfter(null, now)).isEmpty();
    }
}
