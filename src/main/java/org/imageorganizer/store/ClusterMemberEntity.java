package org.imageorganizer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code cluster_member}: the sub-cluster of one image. Written with plain JDBC by
 * {@link ClusterRepository#save}; the foreign key to {@code image} (ON DELETE CASCADE) lives in the schema.
 */
@Entity(name = "ClusterMemberEntity")
@Table(name = "cluster_member")
class ClusterMemberEntity {

    @Id
    @Column(name = "image_id")
    long imageId;

    @Column(name = "object_label", nullable = false, length = 128)
    String objectLabel;

    @Column(name = "background_label", nullable = false, length = 128)
    String backgroundLabel;

    @Column(name = "cluster_id", nullable = false)
    int clusterId;

    protected ClusterMemberEntity() {
    }
}
