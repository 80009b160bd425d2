package org.imageorganizer.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;

class ImageLimitsAndNativesTest {
    @Test
    void defaults() {
        assertThat(ImageLimits.defaults()).isEqualTo(new ImageLimits(100_000_000L, 512L * 1024 * 1024));
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> new ImageLimits(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageLimits(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageLimits(1, 4L << 30)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void minShortSideIsValidated() {
        assertThatThrownBy(() -> new SafeImageDecoder().decode(java.nio.file.Path.of("x.jpg"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void megapixelWording() {
        assertThat(SafeImageDecoder.megapixels(900_000_000L)).isEqualTo("900");
        assertThat(SafeImageDecoder.megapixels(100_000_000L)).isEqualTo("100");
        assertThat(SafeImageDecoder.megapixels(1_234_567L)).isEqualTo("1.2");
        assertThat(SafeImageDecoder.megapixels(2_000_000L)).isEqualTo("2");
    }

    @Test
    void nativesLoadOnceFromManyThreads() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(OpenCvNatives::ensureLoaded);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        OpenCvNatives.ensureLoaded();
        assertThat(Core.getVersionString()).startsWith("4.9");
    }
}
