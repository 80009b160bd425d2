package org.imageorganizer.ui.grid;

/**
 * How large a thumbnail is drawn in its square frame: shrunk to fit when it is larger, but a picture
 * smaller than the frame (an icon, a 1×1 pixel) at its natural size, sharp and centred, never blown up into
 * a blur. Thumbnails are never enlarged when made, so a thumbnail smaller than {@link ThumbnailLoader#SIZE}
 * on both sides is the whole picture.
 *
 * @param width  the width to draw
 * @param height the height to draw
 * @param smooth whether to smooth when scaling (off at the natural size: pixels stay pixels)
 */
public record ThumbnailFit(double width, double height, boolean smooth) {

    /** The fit of a {@code imageWidth} × {@code imageHeight} thumbnail in a {@code frame} × {@code frame} square. */
    public static ThumbnailFit of(double imageWidth, double imageHeight, double frame) {
        if (imageWidth <= 0 || imageHeight <= 0) {
            return new ThumbnailFit(frame, frame, true);
        }
        if (imageWidth <= frame && imageHeight <= frame
                && imageWidth < ThumbnailLoader.SIZE && imageHeight < ThumbnailLoader.SIZE) {
            return new ThumbnailFit(imageWidth, imageHeight, false);
        }
        double scale = Math.min(frame / imageWidth, frame / imageHeight);
        return new ThumbnailFit(imageWidth * scale, imageHeight * scale, true);
    }
}
