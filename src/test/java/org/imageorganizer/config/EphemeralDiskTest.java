package org.imageorganizer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EphemeralDiskTest {
    @Test
    void ecsTasksAreDetectedByTheirMetadataVariable() {
        assertThat(EphemeralDisk.platform(Map.of("ECS_CONTAINER_METADATA_URI_V4", "http://169.254.170.2/v4/abc")))
                .hasValueSatisfying(p -> assertThat(p).contains("Amazon ECS"));
        assertThat(EphemeralDisk.platform(Map.of("ECS_CONTAINER_METADATA_URI", "http://169.254.170.2/v3/abc"))).isPresent();
    }

    @Test
    void theTemplatesSayItExplicitly() {
        assertThat(EphemeralDisk.platform(Map.of("IMAGE_ORGANIZER_EPHEMERAL_DISK", "true")))
                .hasValueSatisfying(p -> assertThat(p).contains("IMAGE_ORGANIZER_EPHEMERAL_DISK"));
        assertThat(EphemeralDisk.platform(Map.of("IMAGE_ORGANIZER_EPHEMERAL_DISK", " TRUE "))).isPresent();
    }

    @Test
    void falseTurnsTheDetectionOff() {
        assertThat(EphemeralDisk.platform(Map.of("IMAGE_ORGANIZER_EPHEMERAL_DISK", "false",
                "ECS_CONTAINER_METADATA_URI_V4", "http://169.254.170.2/v4/abc"))).isEmpty();
    }

    @Test
    void aMachineOfItsOwnIsNotEphemeral() {
        assertThat(EphemeralDisk.platform(Map.of("HOME", "/home/ada", "ECS_CONTAINER_METADATA_URI_V4", " "))).isEmpty();
    }

    @Test
    void warnsForEachStoreOnTheDisk() {
        Optional<String> ecs = Optional.of("Amazon ECS");

        assertThat(EphemeralDisk.warnings(ecs, "/data/library", "/data/storage")).satisfiesExactly(
                library -> assertThat(library).contains("/data/library", "IMAGE_ORGANIZER_DB_URL"),
                uploads -> assertThat(uploads).contains("/data/storage", "CLOUDINARY_URL"));
        assertThat(EphemeralDisk.warnings(ecs, null, "/data/storage")).singleElement().asString().contains("CLOUDINARY_URL");
        assertThat(EphemeralDisk.warnings(ecs, "/data/library", null)).singleElement().asString().contains("IMAGE_ORGANIZER_DB_URL");
    }

    @Test
    void saysNothingWithPostgresAndCloudinaryOrOffThePlatform() {
        assertThat(EphemeralDisk.warnings(Optional.of("Amazon ECS"), null, null)).isEmpty();
        assertThat(EphemeralDisk.warnings(Optional.empty(), "/data/library", "/data/storage")).isEmpty();
    }
}
