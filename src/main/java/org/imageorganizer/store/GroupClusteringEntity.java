package org.imageorganizer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A row of {@code group_clustering}: when and how one group was sub-clustered. */
@Entity(name = "GroupClusteringEntity")
@Table(name = "group_clustering")
@IdClass(GroupClusteringEntity.Key.class)
class GroupClusteringEntity {

    /** The composite primary key. */
    record Key(String objectLabel, String backgroundLabel) implements Serializable {
    }

    @Id
    @Column(name = "object_label", length = 128)
    String objectLabel;

    @Id
    @Column(name = "background_label", length = 128)
    String backgroundLabel;

    @Column(name = "signature", nullable = false, length = 64)
    String signature;

    @Column(name = "algorithm", nullable = false, length = 256)
    String algorithm;

    @Column(name = "library_version", nullable = false)
    long libraryVersion;

    @Column(name = "computed_at", nullable = false)
    Instant computedAt;

    protected GroupClusteringEntity() {
    }

    GroupClusteringEntity(String objectLabel, String backgroundLabel, String signature, String algorithm,
            long libraryVersion, Instant computedAt) {
        this.objectLabel = objectLabel;
        this.backgroundLabel = backgroundLabel;
        this.signature = signature;
        this.algorithm = algorithm;
        this.libraryVersion = libraryVersion;
        this.computedAt = computedAt;
    }
}
