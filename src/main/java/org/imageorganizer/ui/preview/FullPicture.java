package org.imageorganizer.ui.preview;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.ImageFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The photo at its own resolution, for zooming past the large preview: decoded by JavaFX (JPEG, PNG, GIF
 * and BMP), turned upright as its EXIF orientation says (JavaFX does not), in the background. None (null)
 * for other formats, for photos over {@value #MAX_PIXELS} pixels (the memory it would take) and when the
 * decoded size is not the size the library recorded; the viewer then keeps the preview.
 */
final class FullPicture implements PreviewViewModel.PictureSource {
    private static final Logger LOG = LoggerFactory.getLogger(FullPicture.class);
    /** 50 MP: 200 MB of pixels, twice while turning. */
    static final long MAX_PIXELS = 50_000_000L;
    private static final Set<String> DECODED = Set.of("jpeg", "jpg", "png", "gif", "bmp");

    private final ImageFiles files;

    FullPicture(ImageFiles files) {
        this.files = files;
    }

    @Override
    public Image picture(ImageRecord image) throws Exception {
        String format = image.format() == null ? "" : image.format().toLowerCase(Locale.ROOT);
        if (!DECODED.contains(format) || (long) image.width() * image.height() > MAX_PIXELS) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = files.open(image)) {
            bytes = in.readAllBytes();
        }
        Image decoded = new Image(new ByteArrayInputStream(bytes));
        if (decoded.isError() || decoded.getPixelReader() == null) {
            LOG.debug("JavaFX cannot decode image {} at full size: {}", image.id(), decoded.getException());
            return null;
        }
        int orientation = orientation(bytes);
        int width = (int) decoded.getWidth();
        int height = (int) decoded.getHeight();
        boolean turned = orientation >= 5 && orientation <= 8;
        if ((turned ? height : width) != image.width() || (turned ? width : height) != image.height()) {
            LOG.debug("Image {} decodes as {}×{} (orientation {}), not as recorded; the preview stays", image.id(),
                    width, height, orientation);
            return null;
        }
        if (orientation <= 1 || orientation > 8) {
            return decoded;
        }
        int[] pixels = new int[width * height];
        decoded.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        int[] upright = upright(pixels, width, height, orientation);
        WritableImage result = new WritableImage(turned ? height : width, turned ? width : height);
        result.getPixelWriter().setPixels(0, 0, (int) result.getWidth(), (int) result.getHeight(),
                PixelFormat.getIntArgbInstance(), upright, 0, (int) result.getWidth());
        return result;
    }

    /** The EXIF orientation (1 = upright), 1 when the photo does not say or its metadata cannot be read. */
    private static int orientation(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (Exception e) {
            LOG.debug("No orientation read: {}", e.toString());
        }
        return 1;
    }

    /**
     * The pixels of a {@code width} × {@code height} image stored with EXIF {@code orientation} (1–8), as seen
     * upright: orientations 5–8 swap width and height.
     */
    static int[] upright(int[] pixels, int width, int height, int orientation) {
        boolean turned = orientation >= 5 && orientation <= 8;
        int outWidth = turned ? height : width;
        int outHeight = turned ? width : height;
        int[] out = new int[pixels.length];
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = width - 1 - x; sy = y; }
                    case 3 -> { sx = width - 1 - x; sy = height - 1 - y; }
                    case 4 -> { sx = x; sy = height - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = height - 1 - x; }
                    case 7 -> { sx = width - 1 - y; sy = height - 1 - x; }
                    case 8 -> { sx = width - 1 - y; sy = x; }
                    default -> { sx = x; sy = y; }
                }
                out[y * outWidth + x] = pixels[sy * width + sx];
            }
        }
        return out;
    }
}
