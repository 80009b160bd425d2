package org.imageorganizer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code remote_copy}: an image's copy in the cloud and how its upload went. Internal to the store. */
@Entity(name = "RemoteCopyEntity")
@Table(name = "remote_copy")
class RemoteCopyEntity {

    @Id
    @Column(name = "image_id")
    Long imageId;

    @Column(name = "public_id", nullable = false, length = 255)
    String publicId;

    /** {@link RemoteCopyRepository.Status} name. */
    @Column(name = "status", nullable = false, length = 16)
    String status;

    @Column(name = "delivery_type", nullable = false, length = 16)
    String deliveryType;

    @Column(name = "version")
    Long version;

    @Column(name = "format", length = 16)
    String format;

    @Column(name = "attempts", nullable = false)
    int attempts;

    @Column(name = "last_error", length = 1024)
    String lastError;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "synced_at")
    Instant syncedAt;

    protected RemoteCopyEntity() {
    }

    RemoteCopyEntity(long imageId, String publicId, String deliveryType) {
        this.imageId = imageId;
        this.publicId = publicId;
        this.deliveryType = deliveryType;
    }
}
