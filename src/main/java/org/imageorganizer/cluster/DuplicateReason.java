package org.imageorganizer.cluster;

/**
 * Why a photo is in a stack, compared with the stack's keeper (docs/decisions/0033). Told apart by content hash,
 * dimensions, format, the quarter turn that matches the hashes and the hash distance; what those cannot tell apart
 * is said plainly ({@link #EDITED}: "re-saved or edited").
 */
public enum DuplicateReason {
    /** The very same file content (same SHA-256). */
    SAME_CONTENT("same content"),
    /** The same framing at another pixel size. */
    RESIZED("resized"),
    /** Another framing: a few percent cut off (or the keeper is the cropped one). */
    CROPPED("cropped"),
    /** Turned by a quarter or half turn (in its pixels or by its EXIF orientation). */
    ROTATED("rotated"),
    /** Saved in another format. */
    CONVERTED("converted"),
    /** Same size and format but other bytes or clearly changed pixels: recompressed, retouched, colours changed. */
    EDITED("re-saved or edited");

    private final String label;

    DuplicateReason(String label) {
        this.label = label;
    }

    /** Lower-case words for a sentence: "resized", "re-saved or edited". */
    public String label() {
        return label;
    }
}
