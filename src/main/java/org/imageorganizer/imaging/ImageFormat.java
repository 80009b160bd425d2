package org.imageorganizer.imaging;

import java.util.Locale;

/** The raster formats the organiser decodes, as recognised from a file's content. */
public enum ImageFormat {
    JPEG, PNG, GIF, WEBP, TIFF, BMP;

    /** The lower-case name used in {@link DecodedImage#format()} and as the ImageIO format name: {@code jpeg}, {@code png}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
