package org.imageorganizer.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.imageorganizer.model.RgbImage;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class SafeImageDecoderFormatsTest {
    private static final Color ORANGE = new Color(200, 100, 50);
    private static final Scalar ORANGE_BGR = new Scalar(50, 100, 200);

    @TempDir
    Path dir;

    private final SafeImageDecoder decoder = new SafeImageDecoder();

    @BeforeAll
    static void loadNatives() {
        OpenCvNatives.ensureLoaded();
    }

    @Test
    void jpegKeepsRgbOrder() throws Exception {
        byte[] jpeg = TestImages.encode(TestImages.solid(64, 48, BufferedImage.TYPE_INT_RGB, ORANGE), "jpeg");
        DecodedImage decoded = decode("photo.jpg", jpeg, 16);
        assertThat(decoded.format()).isEqualTo("jpeg");
        assertThat(List.of(decoded.width(), decoded.height())).containsExactly(64, 48);
        TestImages.assertColour(decoded.image(), 10, 10, 200, 100, 50, 4);
    }

    @Test
    void pngRgb8() throws Exception {
        byte[] png = TestImages.encode(TestImages.solid(30, 20, BufferedImage.TYPE_INT_RGB, ORANGE), "png");
        DecodedImage decoded = decode("a.png", png, 224);
        assertThat(decoded.format()).isEqualTo("png");
        assertThat(decoded.image().width()).isEqualTo(30);
        TestImages.assertColour(decoded.image(), 29, 19, 200, 100, 50, 0);
    }

    @Test
    void pngGreyscale() throws Exception {
        byte[] png = TestImages.encode(
                TestImages.solid(30, 20, BufferedImage.TYPE_BYTE_GRAY, new Color(128, 128, 128)), "png");
        TestImages.assertColour(decode("g.png", png, 224).image(), 3, 3, 128, 128, 128, 0);
    }

    @Test
    void png16BitIsScaledNotClipped() throws Exception {
        Mat mat = new Mat(20, 30, CvType.CV_16UC3, new Scalar(50 * 257, 100 * 257, 200 * 257));
        byte[] png = TestImages.openCv(mat, ".png");
        assertThat(png[24]).as("bit depth").isEqualTo((byte) 16);
        TestImages.assertColour(decode("deep.png", png, 224).image(), 5, 5, 200, 100, 50, 1);
    }

    @Test
    void png16BitWithAlphaIsScaledAndComposited() throws Exception {
        Mat mat = new Mat(20, 30, CvType.CV_16UC4, new Scalar(50 * 257, 100 * 257, 200 * 257, 65535));
        mat.submat(new Rect(15, 0, 15, 20)).setTo(new Scalar(0, 0, 0, 0));
        RgbImage image = decode("deep-alpha.png", TestImages.openCv(mat, ".png"), 224).image();
        TestImages.assertColour(image, 2, 2, 200, 100, 50, 1);
        TestImages.assertColour(image, 25, 2, 255, 255, 255, 0);
    }

    @Test
    void pngPalette() throws Exception {
        IndexColorModel model = new IndexColorModel(8, 2, new byte[] {0, (byte) 200},
                new byte[] {0, 100}, new byte[] {0, 50});
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_INDEXED, model);
        TestImages.fill(image, ORANGE, 0, 30);
        TestImages.assertColour(decode("p.png", TestImages.encode(image, "png"), 224).image(), 4, 4, 200, 100, 50, 0);
    }

    @Test
    void pngAlphaBecomesWhiteNotBlack() throws Exception {
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_ARGB); // all transparent black
        TestImages.fill(image, ORANGE, 0, 10);
        TestImages.fill(image, new Color(0, 0, 0, 128), 10, 20); // half-transparent black
        RgbImage decoded = decode("alpha.png", TestImages.encode(image, "png"), 224).image();
        TestImages.assertColour(decoded, 5, 5, 200, 100, 50, 0);
        TestImages.assertColour(decoded, 15, 5, 127, 127, 127, 1);
        TestImages.assertColour(decoded, 25, 5, 255, 255, 255, 0);
    }

    @Test
    void pngPaletteTransparencyBecomesWhite() throws Exception {
        IndexColorModel model = new IndexColorModel(8, 2, new byte[] {0, (byte) 200},
                new byte[] {0, 100}, new byte[] {0, 50}, 0); // index 0 transparent
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_INDEXED, model);
        TestImages.fill(image, ORANGE, 0, 10);
        RgbImage decoded = decode("trns.png", TestImages.encode(image, "png"), 224).image();
        TestImages.assertColour(decoded, 5, 5, 200, 100, 50, 0);
        TestImages.assertColour(decoded, 25, 5, 255, 255, 255, 0);
    }

    @Test
    void gifFirstFrameWithTransparencyOverWhite() throws Exception {
        IndexColorModel model = new IndexColorModel(8, 3, new byte[] {0, (byte) 200, 0},
                new byte[] {0, 100, 0}, new byte[] {0, 50, (byte) 255}, 0);
        BufferedImage first = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_INDEXED, model);
        TestImages.fill(first, ORANGE, 0, 10);
        BufferedImage second = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_INDEXED, model);
        TestImages.fill(second, Color.BLUE, 0, 30);
        DecodedImage decoded = decode("anim.gif", TestImages.animatedGif(first, second), 224);
        assertThat(decoded.format()).isEqualTo("gif");
        TestImages.assertColour(decoded.image(), 5, 5, 200, 100, 50, 0);
        TestImages.assertColour(decoded.image(), 25, 5, 255, 255, 255, 0);
    }

    @Test
    void webpLosslessAndWithAlpha() throws Exception {
        Mat opaque = new Mat(20, 30, CvType.CV_8UC3, ORANGE_BGR);
        byte[] webp = TestImages.openCv(opaque, ".webp", Imgcodecs.IMWRITE_WEBP_QUALITY, 101);
        DecodedImage decoded = decode("w.webp", webp, 224);
        assertThat(decoded.format()).isEqualTo("webp");
        TestImages.assertColour(decoded.image(), 5, 5, 200, 100, 50, 0);

        Mat alpha = new Mat(20, 30, CvType.CV_8UC4, new Scalar(50, 100, 200, 255));
        alpha.submat(new Rect(15, 0, 15, 20)).setTo(new Scalar(0, 0, 0, 0));
        RgbImage withAlpha = decode("a.webp", TestImages.openCv(alpha, ".webp", Imgcodecs.IMWRITE_WEBP_QUALITY, 101),
                224).image();
        TestImages.assertColour(withAlpha, 2, 2, 200, 100, 50, 0);
        TestImages.assertColour(withAlpha, 25, 2, 255, 255, 255, 0);
    }

    @Test
    void tiffAndBmp() throws Exception {
        BufferedImage image = TestImages.solid(30, 20, BufferedImage.TYPE_3BYTE_BGR, ORANGE);
        DecodedImage tiff = decode("t.tif", TestImages.encode(image, "tiff"), 224);
        assertThat(tiff.format()).isEqualTo("tiff");
        TestImages.assertColour(tiff.image(), 5, 5, 200, 100, 50, 0);
        DecodedImage bmp = decode("b.bmp", TestImages.encode(image, "bmp"), 224);
        assertThat(bmp.format()).isEqualTo("bmp");
        TestImages.assertColour(bmp.image(), 5, 5, 200, 100, 50, 0);
    }

    /** cmyk.jpg: PIL {@code Image.new('CMYK', (32, 16), (0, 128, 200, 0)).save(..., quality=95)} (Adobe, inverted). */
    @Test
    void cmykJpegGetsNaiveCmykToRgbColours() throws Exception {
        byte[] cmyk;
        try (InputStream in = getClass().getResourceAsStream("/imaging/cmyk.jpg")) {
            cmyk = in.readAllBytes();
        }
        DecodedImage decoded = decode("cmyk.jpg", cmyk, 8);
        assertThat(List.of(decoded.width(), decoded.height())).containsExactly(32, 16);
        // R = 255 (1 - C)(1 - K), G = 255 (1 - M)(1 - K), B = 255 (1 - Y)(1 - K); PIL gives (255, 127, 55)
        TestImages.assertColour(decoded.image(), 4, 4, 255, 127, 55, 4);
    }

    @Test
    void exifOrientationIsAppliedAndReportedSizeIsUpright() throws Exception {
        BufferedImage image = TestImages.solid(40, 20, BufferedImage.TYPE_INT_RGB, ORANGE);
        TestImages.fill(image, Color.RED, 0, 10); // left quarter red
        byte[] jpeg = TestImages.withExifOrientation(TestImages.encode(image, "jpeg"), 6);
        DecodedImage decoded = decode("rotated.jpg", jpeg, 8);
        assertThat(List.of(decoded.width(), decoded.height())).as("original size, upright").containsExactly(20, 40);
        assertThat(List.of(decoded.image().width(), decoded.image().height())).containsExactly(10, 20);
        // orientation 6: turn 90° clockwise, so the left edge becomes the top edge
        TestImages.assertColour(decoded.image(), 5, 1, 255, 0, 0, 40);
        TestImages.assertColour(decoded.image(), 5, 18, 200, 100, 50, 8);
    }

    @Test
    void jpegDctScalingKeepsShortSideAtLeastMinimum() throws Exception {
        byte[] jpeg = TestImages.encode(TestImages.solid(2000, 1000, BufferedImage.TYPE_INT_RGB, ORANGE), "jpeg");
        DecodedImage quarter = decode("wide.jpg", jpeg, 224);
        assertThat(List.of(quarter.image().width(), quarter.image().height())).containsExactly(500, 250);
        assertThat(List.of(quarter.width(), quarter.height())).containsExactly(2000, 1000);
        DecodedImage eighth = decode("wide.jpg", jpeg, 100);
        assertThat(List.of(eighth.image().width(), eighth.image().height())).containsExactly(250, 125);
        DecodedImage full = decode("wide.jpg", jpeg, 999);
        assertThat(full.image().height()).isEqualTo(1000);
    }

    @Test
    void largeNonJpegIsShrunkToMinimumShortSide() throws Exception {
        byte[] png = TestImages.encode(TestImages.solid(1200, 900, BufferedImage.TYPE_INT_RGB, ORANGE), "png");
        DecodedImage decoded = decode("big.png", png, 224);
        assertThat(List.of(decoded.image().width(), decoded.image().height())).containsExactly(299, 224);
        assertThat(List.of(decoded.width(), decoded.height())).containsExactly(1200, 900);
        TestImages.assertColour(decoded.image(), 150, 100, 200, 100, 50, 0);
    }

    @Test
    void smallImageKeepsItsSize() throws Exception {
        byte[] png = TestImages.encode(TestImages.solid(100, 80, BufferedImage.TYPE_INT_RGB, ORANGE), "png");
        RgbImage image = decode("small.png", png, 224).image();
        assertThat(List.of(image.width(), image.height())).containsExactly(100, 80);
    }

    @Test
    void formatComesFromContentNotName() throws Exception {
        byte[] png = TestImages.encode(TestImages.solid(30, 20, BufferedImage.TYPE_INT_RGB, ORANGE), "png");
        assertThat(decode("really-a-png.jpg", png, 224).format()).isEqualTo("png");
    }

    @Test
    void jpegWithDataAfterEndMarkerDecodes() throws Exception {
        byte[] jpeg = TestImages.encode(TestImages.solid(30, 20, BufferedImage.TYPE_INT_RGB, ORANGE), "jpeg");
        ByteArrayOutputStream motionPhoto = new ByteArrayOutputStream();
        motionPhoto.write(jpeg);
        motionPhoto.write("\0\0\0\u0018ftypmp42 appended video".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(decode("motion.jpg", motionPhoto.toByteArray(), 224).image().width()).isEqualTo(30);
    }

    @Test
    void concurrentDecodesGiveTheSamePixels() throws Exception {
        byte[] jpeg = TestImages.encode(TestImages.solid(800, 600, BufferedImage.TYPE_INT_RGB, ORANGE), "jpeg");
        Path file = TestImages.write(dir, "shared.jpg", jpeg);
        byte[] expected = decoder.decode(file, 224).image().pixels();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<DecodedImage>> results = pool.invokeAll(java.util.Collections.nCopies(16,
                    () -> decoder.decode(file, 224)));
            for (Future<DecodedImage> result : results) {
                assertThat(result.get().image().pixels()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private DecodedImage decode(String name, byte[] bytes, int minShortSide) throws ImageRejectedException {
        return decoder.decode(TestImages.write(dir, name, bytes), minShortSide);
    }
}
