package org.imageorganizer.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.Test;

class ContainerInspectorTest {
    private static final byte[] JPEG =
            TestImages.encode(TestImages.solid(64, 48, BufferedImage.TYPE_INT_RGB, Color.ORANGE), "jpeg");

    @Test
    void completeJpegReachesEoi() {
        assertThat(ContainerInspector.jpegReachesEoi(JPEG)).isTrue();
    }

    @Test
    void anyCutBeforeTheEndIsTruncation() {
        for (int length = 3; length < JPEG.length - 1; length += 7) {
            assertThat(ContainerInspector.jpegReachesEoi(Arrays.copyOf(JPEG, length))).as("cut at %d", length).isFalse();
        }
    }

    /** An EXIF thumbnail holds a complete JPEG, EOI included; that EOI must not count for the main image. */
    @Test
    void endMarkerInsideEmbeddedThumbnailDoesNotCount() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(JPEG, 0, 2);
        int length = 2 + 6 + JPEG.length;
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, 0, 4);
        out.write(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, 6);
        out.write(JPEG, 0, JPEG.length); // the "thumbnail", ending in FFD9
        out.write(JPEG, 2, JPEG.length / 2); // the main image, cut
        assertThat(ContainerInspector.jpegReachesEoi(out.toByteArray())).isFalse();
    }

    @Test
    void pngAlphaDetection() throws Exception {
        byte[] rgb = TestImages.encode(TestImages.solid(4, 4, BufferedImage.TYPE_INT_RGB, Color.ORANGE), "png");
        byte[] argb = TestImages.encode(TestImages.solid(4, 4, BufferedImage.TYPE_INT_ARGB, Color.ORANGE), "png");
        assertThat(ContainerInspector.inspect(ImageFormat.PNG, rgb)).isFalse();
        assertThat(ContainerInspector.inspect(ImageFormat.PNG, argb)).isTrue();
    }
}
