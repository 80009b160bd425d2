package org.imageorganizer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code image}. Internal to the store; the rest of the program sees {@code ImageRecord}. */
@Entity(name = "ImageEntity")
@Table(name = "image")
class ImageEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "sha256", nullable = false, length = 64)
    String sha256;

    @Column(name = "location", nullable = false, length = 4096)
    String location;

    @Column(name = "file_name", length = 1024)
    String fileName;

    @Column(name = "byte_size")
    Long byteSize;

    @Column(name = "width")
    Integer width;

    @Column(name = "height")
    Integer height;

    @Column(name = "format", length = 16)
    String format;

    @Column(name = "imported_at")
    Instant importedAt;

    /** {@code StorageKind} name; kept as text so H2 does not get a native ENUM mapping. */
    @Column(name = "storage", length = 16)
    String storage;

    @Column(name = "object_label", length = 128)
    String objectLabel;

    @Column(name = "object_confidence")
    Double objectConfidence;

    @Column(name = "background_label", length = 128)
    String backgroundLabel;

    @Column(name = "background_confidence")
    Double backgroundConfidence;

    /** Little-endian float32 values, see {@link EmbeddingCodec}. */
    @Column(name = "embedding")
    byte[] embedding;

    @Column(name = "embedding_dim")
    Integer embeddingDim;

    @Column(name = "model_id", length = 256)
    String modelId;

    /** The indexed file's modification time in nanoseconds since the epoch, when known. */
    @Column(name = "file_modified_ns")
    Long fileModifiedNanos;

    /** The near-duplicate hash of the decoded, upright pixels (schema version 5); null when not computed. */
    @Column(name = "perceptual_hash")
    byte[] perceptualHash;

    /** The near-duplicate serial of the transaction that gave it its hash (schema version 6; ADR 0036). */
    @Column(name = "hash_serial")
    Long hashSerial;

    protected ImageEntity() {
    }
}
