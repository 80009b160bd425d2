package org.imageorganizer.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.imageorganizer.model.RgbImage;
import org.junit.jupiter.api.Test;

class ClipPreprocessorTest {
    static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};
    private final ClipPreprocessor preprocessor = new ClipPreprocessor(224, MEAN, STD);

    static RgbImage solid(int w, int h, int r, int g, int b) {
        byte[] px = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            px[i * 3] = (byte) r;
            px[i * 3 + 1] = (byte) g;
            px[i * 3 + 2] = (byte) b;
        }
        return new RgbImage(w, h, px);
    }

    @Test
    void normalisesKnownPixelValuesChannelFirst() {
        RgbImage crop = solid(224, 224, 255, 128, 0);
        float[] out = new float[3 * 224 * 224 + 5];
        preprocessor.normalizeInto(crop, out, 5);
        int plane = 224 * 224;
        assertThat(out[5]).isCloseTo((1f - MEAN[0]) / STD[0], offset(1e-5f));                // 1.9303
        assertThat(out[5 + plane]).isCloseTo((128 / 255f - MEAN[1]) / STD[1], offset(1e-5f));   // 0.1689
        assertThat(out[5 + 2 * plane]).isCloseTo((0f - MEAN[2]) / STD[2], offset(1e-5f));       // -1.4802
        assertThat(out[5]).isCloseTo(1.9303361f, offset(1e-4f));
        assertThat(out[5 + 2 * plane]).isCloseTo(-1.4802197f, offset(1e-4f));
        assertThat(out[4]).isZero();
    }

    @Test
    void resizesTheShorterSideAndCropsTheCentre() {
        // 600x300: left third red, middle third green, right third blue; the centre crop is all green
        byte[] px = new byte[600 * 300 * 3];
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 600; x++) {
                int channel = x < 200 ? 0 : x < 400 ? 1 : 2;
                px[(y * 600 + x) * 3 + channel] = (byte) 255;
            }
        }
        RgbImage crop = preprocessor.resizeAndCrop(new RgbImage(600, 300, px));
        assertThat(crop.width()).isEqualTo(224);
        assertThat(crop.height()).isEqualTo(224);
        // 600x300 -> 448x224, crop x 112..335; the green band spans 149..298 after scaling
        assertThat(crop.channel(112, 100, 1)).isEqualTo(255);
        assertThat(crop.channel(112, 100, 0)).isZero();
        assertThat(crop.channel(0, 100, 0)).isGreaterThan(200); // 112 in the scaled image is still red
        assertThat(crop.channel(223, 100, 2)).isGreaterThan(200);
    }

    @Test
    void upscalesSmallImages() {
        RgbImage crop = preprocessor.resizeAndCrop(solid(10, 20, 30, 60, 90));
        assertThat(crop.width()).isEqualTo(224);
        assertThat(crop.height()).isEqualTo(224);
        assertThat(crop.channel(100, 100, 0)).isEqualTo(30);
        assertThat(crop.channel(100, 100, 2)).isEqualTo(90);
    }
}
