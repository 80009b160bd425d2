package org.imageorganizer.model;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What a photo's own metadata says about it (issue 19): when it was taken and with which camera.
 *
 * @param taken       the date and time taken as the camera's clock showed it (EXIF DateTimeOriginal), or null
 * @param offset      that clock's offset from UTC when the photo says it (EXIF OffsetTimeOriginal), or null
 * @param cameraMake  the camera's maker, or null
 * @param cameraModel the camera's model, or null
 */
public record PhotoMetadata(LocalDateTime taken, ZoneOffset offset, String cameraMake, String cameraModel) {
    /** A photo that says nothing about itself. */
    public static final PhotoMetadata NONE = new PhotoMetadata(null, null, null, null);

    /** The moment taken, when the photo gives its offset too. */
    public Optional<OffsetDateTime> takenAt() {
        return taken == null || offset == null ? Optional.empty() : Optional.of(taken.atOffset(offset));
    }

    /** The camera as people name it: "Canon EOS R6", not "Canon Canon EOS R6"; null when unknown. */
    public String camera() {
        if (cameraModel == null) {
            return cameraMake;
        }
        if (cameraMake == null || cameraModel.toLowerCase(java.util.Locale.ROOT)
                .startsWith(cameraMake.toLowerCase(java.util.Locale.ROOT))) {
            return cameraModel;
        }
        return cameraMake + " " + cameraModel;
    }
}
