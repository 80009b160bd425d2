package org.imageorganizer.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Decodes the first image of a file with ImageIO (JDK readers and TwelveMonkeys plugins): the path for GIF, which
 * OpenCV 4.9 cannot read, and the fallback when OpenCV fails. Transparency is composited over white. Large images
 * are read with source subsampling so the shorter side stays at least twice the size asked for. EXIF orientation
 * is not applied on this path.
 */
final class ImageIoDecoder {
    private ImageIoDecoder() {
    }

    /**
     * @return 8-bit BGR pixels; the caller releases the matrix
     * @throws IOException when no reader can decode the file
     */
    static Mat decode(byte[] bytes, ImageFormat format, ImageHeaderReader.Dimensions stored, int minShortSide)
            throws IOException {
        int subsampling = Math.max(1, Math.min(stored.width(), stored.height()) / (2 * minShortSide));
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.label());
        IOException lastFailure = new IIOException("no ImageIO reader for " + format.label());
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                if (subsampling > 1) {
                    param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                }
                return toBgrMat(reader.read(0, param));
            } catch (IOException e) {
                lastFailure = e;
            } catch (RuntimeException e) { // readers throw IllegalArgumentException and worse on broken data
                lastFailure = new IIOException(String.valueOf(e.getMessage()), e);
            } finally {
                reader.dispose();
            }
        }
        throw lastFailure;
    }

    /** Draws the image over white into a BGR buffer and copies that into a matrix. */
    static Mat toBgrMat(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        byte[] data = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        Mat mat = new Mat(h, w, CvType.CV_8UC3);
        mat.put(0, 0, data);
        return mat;
    }
}
