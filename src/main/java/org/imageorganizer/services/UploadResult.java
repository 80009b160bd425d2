package org.imageorganizer.services;

import org.imageorganizer.model.ImageRecord;

/** What became of one uploaded file. */
public sealed interface UploadResult {

    /** The file name the client gave (for display only; never used as a path). */
    String fileName();

    /** Why a file was refused. */
    enum Refusal {
        /** Not an image format the library takes. */
        NOT_SUPPORTED,
        /** Over a size or pixel limit. */
        TOO_LARGE,
        /** An image format, but damaged or empty. */
        DAMAGED,
        /** Could not be read at all. */
        UNREADABLE
    }

    /** A new image in the library. */
    record Created(String fileName, ImageRecord image) implements UploadResult {
    }

    /** The library already had this content; {@code image} is the stored one. */
    record Duplicate(String fileName, ImageRecord image) implements UploadResult {
    }

    /**
     * Accepted but not stored: the cloud store failed or refused it.
     *
     * @param temporary true when trying again later may work (timeouts, 5xx, rate limits)
     * @param reason    one sentence, without secrets
     */
    record NotStored(String fileName, boolean temporary, String reason) implements UploadResult {
    }

    /** Refused, with a sentence saying why. */
    record Rejected(String fileName, Refusal refusal, String reason) implements UploadResult {
    }
}
