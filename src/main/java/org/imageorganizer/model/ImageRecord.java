package org.imageorganizer.model;

import java.time.Instant;

/**
 * One image of the library as the core hands it out (no embedding; see {@link EmbeddedImage}).
 *
 * @param id              database id
 * @param sha256          hex SHA-256 of the file's bytes
 * @param location        where the file is: an absolute path for indexed originals, a key for managed storage
 * @param fileName        the file's name as the user knows it
 * @param byteSize        size in bytes
 * @param width           width in pixels, after EXIF orientation
 * @param height          height in pixels, after EXIF orientation
 * @param format          detected format (jpeg, png, gif, webp, tiff, bmp)
 * @param importedAt      when it entered the library
 * @param classification  object and background labels
 * @param storage         which {@link StorageKind} holds the file
 * @param metadata        when it was taken and with which camera ({@link PhotoMetadata#NONE} when not known)
 */
public record ImageRecord(
        long id,
        String sha256,
        String location,
        String fileName,
        long byteSize,
        int width,
        int height,
        String format,
        Instant importedAt,
        Classification classification,
        StorageKind storage,
        PhotoMetadata metadata) {

    public ImageRecord {
        metadata = metadata == null ? PhotoMetadata.NONE : metadata;
    }

    /** An image whose date taken and camera are not known (yet). */
    public ImageRecord(long id, String sha256, String location, String fileName, long byteSize, int width, int height,
                       String format, Instant importedAt, Classification classification, StorageKind storage) {
        this(id, sha256, location, fileName, byteSize, width, height, format, importedAt, classification, storage,
                PhotoMetadata.NONE);
    }
}
