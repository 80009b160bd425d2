package org.imageorganizer.imaging;

import org.imageorganizer.model.RgbImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Makes small JPEG previews of images, through the same guarded decoder as the import. Thread-safe. */
public final class Thumbnailer {
    private static final int JPEG_QUALITY = 85;

    private final ImageDecoder decoder;

    public Thumbnailer(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * A JPEG of the image scaled to fit in {@code maxSide} × {@code maxSide} (never enlarged).
     *
     * @throws ImageRejectedException when the content is not an image that can be decoded
     */
    public byte[] jpeg(byte[] content, int maxSide) throws ImageRejectedException {
        if (maxSide < 16 || maxSide > 2048) {
            throw new IllegalArgumentException("thumbnail size must be 16..2048, got " + maxSide);
        }
        // decoding for a short side of maxSide/2 is enough for the long side to reach maxSide in most shapes
        DecodedImage decoded = decoder.decode(content, Math.max(8, maxSide / 2));
        RgbImage rgb = decoded.image();
        OpenCvNatives.ensureLoaded();
        Mat image = new Mat(rgb.height(), rgb.width(), CvType.CV_8UC3);
        Mat bgr = new Mat();
        Mat small = new Mat();
        MatOfByte encoded = new MatOfByte();
        try {
            image.put(0, 0, rgb.pixels());
            Imgproc.cvtColor(image, bgr, Imgproc.COLOR_RGB2BGR);
            double scale = Math.min(1.0, (double) maxSide / Math.max(rgb.width(), rgb.height()));
            Mat out = bgr;
            if (scale < 1.0) {
                Size size = new Size(Math.max(1, Math.round(rgb.width() * scale)), Math.max(1, Math.round(rgb.height() * scale)));
                Imgproc.resize(bgr, small, size, 0, 0, Imgproc.INTER_AREA);
                out = small;
            }
            if (!Imgcodecs.imencode(".jpg", out, encoded, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, JPEG_QUALITY))) {
                throw new IllegalStateException("OpenCV could not encode a JPEG thumbnail");
            }
            return encoded.toArray();
        } finally {
            image.release();
            bgr.release();
            small.release();
            encoded.release();
        }
    }
}
