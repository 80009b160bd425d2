package org.imageorganizer.model;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What a photo's own metadata says about it (issue 19): when it was taken and with which camera.
 *
 * @param taken       the date and time taken as the camera's clock showed it (EXIF DateTimeOriginal), or, when the
 *                    photo does not say, the file's last-modified time in the importing machine's zone; or null
 * @param offset      that clock's offset from UTC when known (EXIF OffsetTimeOriginal, or the zone of a file time),
 *                    or null
 * @param takenFrom   where {@code taken} comes from; null exactly when {@code taken} is null
 * @param cameraMake  the camera's maker, or null
 * @param cameraModel the camera's model, or null
 */
public record PhotoMetadata(LocalDateTime taken, ZoneOffset offset, TakenFrom takenFrom, String cameraMake,
                            String cameraModel) {
    /** A photo that says nothing about itself. */
    public static final PhotoMetadata NONE = new PhotoMetadata(null, null, null, null, null);

    /** Where a date taken comes from. */
    public enum TakenFrom {
        /** The photo's own EXIF DateTimeOriginal. */
        PHOTO("photo"),
        /** The file's last-modified time: the photo does not say when it was taken. */
        FILE_TIME("file");

        private final String code;

        TakenFrom(String code) {
            this.code = code;
        }

        /** Its name in JSON ({@code taken_at_source}): "photo" or "file". */
        public String code() {
            return code;
        }
    }

    /** {@link TakenFrom#code()} of the date taken, or null without one. */
    public String takenSourceCode() {
        return takenFrom == null ? null : takenFrom.code();
    }

    public PhotoMetadata {
        if ((taken == null) != (takenFrom == null)) {
            throw new IllegalArgumentException("a date taken needs its source, and only a date has one");
        }
        if (taken == null && offset != null) {
            throw new IllegalArgumentException("an offset without a date taken");
        }
    }

    /** What the photo's EXIF says. */
    public static PhotoMetadata fromPhoto(LocalDateTime taken, ZoneOffset offset, String cameraMake,
                                          String cameraModel) {
        return new PhotoMetadata(taken, taken == null ? null : offset, taken == null ? null : TakenFrom.PHOTO,
                cameraMake, cameraModel);
    }

    /**
     * This metadata, with the file's last-modified time as the date taken when the photo gives none.
     *
     * @param modified the file's last-modified time, or null when unknown (an upload)
     * @param zone     the zone the file time is shown in
     */
    public PhotoMetadata orFileTime(java.time.Instant modified, java.time.ZoneId zone) {
        if (taken != null || modified == null) {
            return this;
        }
        ZoneOffset fileOffset = zone.getRules().getOffset(modified);
        java.time.Instant second = modified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // as a camera's clock
        return new PhotoMetadata(LocalDateTime.ofInstant(second, fileOffset), fileOffset, TakenFrom.FILE_TIME,
                cameraMake, cameraModel);
    }

    /**
     * The date taken in ISO 8601, with its offset when known ({@code 2024-06-01T14:03:00+02:00}), else as the clock
     * showed it ({@code 2024-06-01T14:03:00}); null when unknown.
     */
    public String takenIso() {
        if (taken == null) {
            return null;
        }
        return offset == null ? java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(taken)
                : java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(taken.atOffset(offset));
    }

    /** True when this says anything at all. */
    public boolean isKnown() {
        return taken != null || cameraMake != null || cameraModel != null;
    }

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
