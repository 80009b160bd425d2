package org.imageorganizer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.imageorganizer.model.ImageRecord;

/** One image as the API shows it. */
record ImageJson(
        long id,
        String filename,
        long size,
        int width,
        int height,
        String format,
        String objectCategory,
        double objectConfidence,
        String backgroundCategory,
        double backgroundConfidence,
        boolean objectByUser,
        boolean backgroundByUser,
        String uploadedAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) String takenAt,
        String takenAtSource,
        String camera,
        String storage,
        String imageUrl,
        String thumbnailUrl,
        Boolean duplicate) {

    static ImageJson of(ImageRecord image, String imageUrl, String thumbnailUrl, Boolean duplicate) {
        return new ImageJson(image.id(), image.fileName(), image.byteSize(), image.width(), image.height(),
                image.format(), image.classification().object().name(), round(image.classification().object().confidence()),
                image.classification().background().name(), round(image.classification().background().confidence()),
                image.classification().object().byUser(), image.classification().background().byUser(),
                image.importedAt() == null ? null : image.importedAt().toString(), image.metadata().takenIso(),
                image.metadata().takenSourceCode(), image.metadata().camera(),
                image.storage().name().toLowerCase(java.util.Locale.ROOT), imageUrl, thumbnailUrl, duplicate);

    }

    private static double round(double confidence) {
        return Math.round(confidence * 10_000) / 10_000.0;
    }
}
