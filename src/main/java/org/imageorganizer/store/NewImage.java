package org.imageorganizer.store;

import java.util.Objects;
import java.util.regex.Pattern;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.StorageKind;

/**
 * An image about to enter the library.
 *
 * @param sha256         lower-case hex SHA-256 of the file's bytes (64 characters)
 * @param location       absolute path (indexed) or storage key (managed)
 * @param fileName       the file's name as the user knows it
 * @param byteSize       size in bytes
 * @param width          width in pixels, after EXIF orientation
 * @param height         height in pixels, after EXIF orientation
 * @param format         detected format
 * @param storage        where the bytes live
 * @param classification object and background labels
 * @param embedding      the L2-normalised embedding (copied)
 * @param modelId        the model that computed the embedding
 * @param fileModifiedNanos an indexed file's modification time (nanoseconds since the epoch) when it
 *                       was read, or null when unknown or not to be trusted; an import skips a file
 *                       whose location, size and modification time match without reading it
 * @param perceptualHash the near-duplicate hash of the decoded, upright pixels (copied), or null
 * @param metadata       the date taken and camera read from the file, or null when not read (to be read later)
 */
public record NewImage(
        String sha256,
        String location,
        String fileName,
        long byteSize,
        int width,
        int height,
        String format,
        StorageKind storage,
        Classification classification,
        float[] embedding,
        String modelId,
        Long fileModifiedNanos,
        byte[] perceptualHash,
        org.imageorganizer.model.PhotoMetadata metadata) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Validates the fields and copies the embedding. */
    public NewImage {
        Objects.requireNonNull(sha256, "sha256");
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(classification.object(), "classification.object");
        Objects.requireNonNull(classification.background(), "classification.background");
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(modelId, "modelId");
        embedding = embedding.clone();
        perceptualHash = perceptualHash == null ? null : perceptualHash.clone();
    }

    /** An image whose metadata is not read yet. */
    public NewImage(String sha256, String location, String fileName, long byteSize, int width, int height,
            String format, StorageKind storage, Classification classification, float[] embedding, String modelId,
            Long fileModifiedNanos, byte[] perceptualHash) {
        this(sha256, location, fileName, byteSize, width, height, format, storage, classification, embedding,
                modelId, fileModifiedNanos, perceptualHash, null);
    }

    /** An image without a perceptual hash. */
    public NewImage(String sha256, String location, String fileName, long byteSize, int width, int height,
            String format, StorageKind storage, Classification classification, float[] embedding, String modelId,
            Long fileModifiedNanos) {
        this(sha256, location, fileName, byteSize, width, height, format, storage, classification, embedding,
                modelId, fileModifiedNanos, (byte[]) null);
    }

    /** An image without a file modification time (uploads, and images whose file is to be read again next time). */
    public NewImage(String sha256, String location, String fileName, long byteSize, int width, int height,
            String format, StorageKind storage, Classification classification, float[] embedding, String modelId) {
        this(sha256, location, fileName, byteSize, width, height, format, storage, classification, embedding,
                modelId, null, (byte[]) null);
    }

    /** @return a copy of the perceptual hash, or null */
    @Override
    public byte[] perceptualHash() {
        return perceptualHash == null ? null : perceptualHash.clone();
    }

    /** @return a copy of the embedding */
    @Override
    public float[] embedding() {
        return embedding.clone();
    }
}
