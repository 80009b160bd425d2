package org.imageorganizer.imaging;

/** A file that is not an image we can use; the message is a sentence for the user. */
public class ImageRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImageRejectedException(String reason) {
        super(reason);
    }

    public ImageRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
