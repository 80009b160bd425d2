package org.imageorganizer.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tiny pictures are drawn at their own size, sharp; larger ones shrink to fit, smoothly. */
class ThumbnailFitTest {
    @Test
    void aOnePixelPictureStaysOnePixelAndSharp() {
        assertThat(ThumbnailFit.of(1, 1, 160)).isEqualTo(new ThumbnailFit(1, 1, false));
        assertThat(ThumbnailFit.of(16, 16, 160)).isEqualTo(new ThumbnailFit(16, 16, false));
    }

    @Test
    void aLargeThumbnailShrinksToTheFrameKeepingItsShape() {
        assertThat(ThumbnailFit.of(256, 128, 160)).isEqualTo(new ThumbnailFit(160, 80, true));
        assertThat(ThumbnailFit.of(192, 256, 96)).isEqualTo(new ThumbnailFit(72, 96, true));
    }

    @Test
    void aSmallPictureInASmallerFrameShrinksToo() {
        assertThat(ThumbnailFit.of(200, 100, 96)).isEqualTo(new ThumbnailFit(96, 48, true));
    }

    @Test
    void aFullSizeThumbnailStandsForALargerPhotoAndFillsALargerFrame() {
        // a 256-pixel thumbnail stands for a larger photo: it fills a 320 frame (the photo is that large)
        assertThat(ThumbnailFit.of(256, 256, 320)).isEqualTo(new ThumbnailFit(320, 320, true));
    }
}
