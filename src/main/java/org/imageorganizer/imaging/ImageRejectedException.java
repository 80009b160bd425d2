package org.imageorganizer.imaging;

/** A file that is not an image we can use; the message is a sentence for the user. */
public class ImageRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a file was refused, for callers that answer differently (an HTTP status, say). */
    public enum Kind {
        /** The content is not an image, or is an image format we do not decode. */
        NOT_SUPPORTED,
        /** Over the file-size or pixel limit (a decompression bomb among others). */
        TOO_LARGE,
        /** Empty, truncated or corrupt. */
        DAMAGED,
        /** The file could not be read at all. */
        UNREADABLE
    }

    private final Kind kind;

    public ImageRejectedException(String reason) {
        this(Kind.DAMAGED, reason);
    }

    public ImageRejectedException(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public ImageRejectedException(String reason, Throwable cause) {
        this(Kind.DAMAGED, reason, cause);
    }

    public ImageRejectedException(Kind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
