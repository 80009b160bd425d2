package org.imageorganizer.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.imageorganizer.model.PerceptualHash;
import org.imageorganizer.model.RgbImage;
import org.imageorganizer.testing.Scenes;
import org.junit.jupiter.api.Test;

class PerceptualHasherTest {
    private final PerceptualHasher hasher = new PerceptualHasher();

    @Test
    void theHashOfATurnedPictureIsTheHashTurned() {
        for (int seed = 0; seed < 12; seed++) {
            RgbImage picture = rgb(Scenes.scene(seed, 301, 224));
            PerceptualHash hash = hasher.hash(picture);
            RgbImage turned = picture;
            for (int turns = 1; turns < 4; turns++) {
                turned = clockwise(turned);
                assertThat(hasher.hash(turned).distance(hash.rotated(turns))).as("seed %d, %d turns", seed, turns)
                        .isLessThanOrEqualTo(1);
                assertThat(hash.rotationAwareDistance(hasher.hash(turned)) & 3).isEqualTo(turns);
            }
        }
    }

    @Test
    void aResizedCopyHashesAlikeAndDifferentScenesDoNot() {
        int scenes = 12;
        PerceptualHash[] hashes = new PerceptualHash[scenes];
        int worstCopy = 0;
        for (int seed = 0; seed < scenes; seed++) {
            BufferedImage big = Scenes.scene(seed, 600, 448);
            hashes[seed] = hasher.hash(rgb(big));
            worstCopy = Math.max(worstCopy, hashes[seed].distance(hasher.hash(rgb(halved(big)))));
        }
        int closestOther = 64;
        for (int a = 0; a < scenes; a++) {
            for (int b = a + 1; b < scenes; b++) {
                closestOther = Math.min(closestOther, hashes[a].rotationAwareDistance(hashes[b]) >> 2);
            }
        }
        assertThat(worstCopy).isLessThanOrEqualTo(2);
        assertThat(closestOther).isGreaterThan(12);
    }

    @Test
    void thumbnailIsAnExactAreaAverage() {
        // 64 × 32: every cell averages 2 × 1 pixels; 48 × 48: cells straddle pixels and take shares of them
        byte[] px = new byte[64 * 32 * 3];
        for (int i = 0; i < px.length; i += 3) {
            int x = i / 3 % 64;
            px[i] = px[i + 1] = px[i + 2] = (byte) (x % 2 == 0 ? 0 : 200);
        }
        double[][] grey = PerceptualHasher.thumbnail(new RgbImage(64, 32, px));
        assertThat(grey[5][7]).isCloseTo(100, within(1e-6));
        byte[] ramp = new byte[48 * 48 * 3];
        for (int i = 0; i < ramp.length; i += 3) {
            ramp[i] = ramp[i + 1] = ramp[i + 2] = (byte) (i / 3 % 48);
        }
        double[][] cells = PerceptualHasher.thumbnail(new RgbImage(48, 48, ramp));
        assertThat(cells[0][0]).isCloseTo((0 * 1.0 + 1 * 0.5) / 1.5, within(1e-6));
        assertThat(cells[3][1]).isCloseTo((1 * 0.5 + 2 * 1.0) / 1.5, within(1e-6));
        // 10 × 10: a cell is smaller than a pixel, and cell 3 ([0.9375, 1.25)) takes 0.0625 of pixel 0, 0.25 of pixel 1
        byte[] small = new byte[10 * 10 * 3];
        for (int i = 0; i < small.length; i += 3) {
            small[i] = small[i + 1] = small[i + 2] = (byte) (i / 3 % 10 * 10);
        }
        double[][] tiny = PerceptualHasher.thumbnail(new RgbImage(10, 10, small));
        assertThat(tiny[7][0]).isCloseTo(0, within(1e-6));
        assertThat(tiny[7][3]).isCloseTo(10 * 0.25 / 0.3125, within(1e-6));
        assertThat(tiny[7][31]).isCloseTo(90, within(1e-6));
    }

    @Test
    void anAlmostUniformPictureIsLowDetail() {
        byte[] px = new byte[300 * 224 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (128 + (i * 7919 % 5) - 2); // ±2 levels of noise
        }
        assertThat(hasher.hash(new RgbImage(300, 224, px)).lowDetail()).isTrue();
        assertThat(hasher.hash(rgb(Scenes.scene(3, 300, 224))).lowDetail()).isFalse();
    }

    @Test
    void aOnePixelPictureHashes() {
        assertThat(hasher.hash(new RgbImage(1, 1, new byte[] {1, 2, 3})).lowDetail()).isTrue();
    }

    static RgbImage rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int at = (y * w + x) * 3;
                px[at] = (byte) (rgb >> 16);
                px[at + 1] = (byte) (rgb >> 8);
                px[at + 2] = (byte) rgb;
            }
        }
        return new RgbImage(w, h, px);
    }

    private static RgbImage clockwise(RgbImage in) {
        int w = in.width();
        int h = in.height();
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // pixel (x, y) goes to column h - 1 - y, row x of the h-wide result
                System.arraycopy(in.pixels(), (y * w + x) * 3, out, (x * h + (h - 1 - y)) * 3, 3);
            }
        }
        return new RgbImage(h, w, out);
    }

    /** Every 2 × 2 block averaged. */
    private static BufferedImage halved(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth() / 2, image.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int i = 0; i < 4; i++) {
                    int rgb = image.getRGB(2 * x + i % 2, 2 * y + i / 2);
                    r += rgb >> 16 & 0xff;
                    g += rgb >> 8 & 0xff;
                    b += rgb & 0xff;
                }
                out.setRGB(x, y, (r / 4) << 16 | (g / 4) << 8 | b / 4);
            }
        }
        return out;
    }
}
