package org.imageorganizer.model;

/** What became of one uploaded file. */
public sealed interface UploadOutcome {

    /** Why a file was refused, for callers that answer differently (an HTTP status, say). */
    enum RejectionKind {
        /** The content is not an image, or is an image format we do not decode. */
        NOT_SUPPORTED,
        /** Over the file-size or pixel limit (a decompression bomb among others). */
        TOO_LARGE,
        /** Empty, truncated or corrupt. */
        DAMAGED,
        /** The file could not be read at all. */
        UNREADABLE
    }

    /** The file name the client gave (for display only; never used as a path). */
    String fileName();

    /** A new image in the library. */
    record Created(String fileName, ImageRecord image) implements UploadOutcome {
    }

    /** The library already had this content; {@code image} is the stored one. */
    record Duplicate(String fileName, ImageRecord image) implements UploadOutcome {
    }

    /**
     * Accepted but not stored: the cloud store failed or refused it.
     *
     * @param temporary true when trying again later may work (timeouts, 5xx, rate limits)
     * @param reason    one sentence, without secrets
     */
    record NotStored(String fileName, boolean temporary, String reason) implements UploadOutcome {
    }

    /** Refused, with a sentence saying why. */
    record Rejected(String fileName, RejectionKind kind, String reason) implements UploadOutcome {
    }
}
