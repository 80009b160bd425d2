package org.imageorganizer.imaging;

import org.imageorganizer.model.RgbImage;

/**
 * A decoded image, possibly at reduced resolution.
 *
 * @param image  the upright RGB pixels, shorter side at least the size asked for (unless the original is smaller)
 * @param width  the original width in pixels, after EXIF orientation
 * @param height the original height in pixels, after EXIF orientation
 * @param format the format found in the content: jpeg, png, gif, webp, tiff or bmp
 */
public record DecodedImage(RgbImage image, int width, int height, String format) {
}
