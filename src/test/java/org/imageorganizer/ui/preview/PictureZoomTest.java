package org.imageorganizer.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PictureZoomTest {
    private final PictureZoom zoom = new PictureZoom();

    @BeforeEach
    void aLargePhotoInASmallerArea() {
        zoom.setArea(800, 600);
        zoom.setPhoto(4000, 3000);
    }

    @Test
    void fitsTheWholePhotoCentred() {
        assertThat(zoom.fittingProperty().get()).isTrue();
        assertThat(zoom.shownScale()).isEqualTo(0.2);
        assertThat(zoom.left()).isZero();
        assertThat(zoom.top()).isZero();
        assertThat(zoom.zoomTextBinding().get()).isEqualTo("Fit (20%)");
        assertThat(zoom.canPan()).isFalse();
    }

    @Test
    void aSmallPhotoIsNeverEnlargedToFit() {
        zoom.setPhoto(100, 50);

        assertThat(zoom.shownScale()).isEqualTo(1);
        assertThat(zoom.left()).isEqualTo(350);
        assertThat(zoom.top()).isEqualTo(275);
    }

    @Test
    void oneToOneShowsThePhotosOwnPixelsAroundTheCentre() {
        zoom.actualSize();

        assertThat(zoom.fittingProperty().get()).isFalse();
        assertThat(zoom.shownScale()).isEqualTo(1);
        assertThat(zoom.zoomTextBinding().get()).isEqualTo("100%");
        assertThat(zoom.left()).isEqualTo(400 - 2000);
        assertThat(zoom.top()).isEqualTo(300 - 1500);
        assertThat(zoom.canPan()).isTrue();
    }

    @Test
    void stepsInAndOutAndBackToFit() {
        zoom.zoomIn();
        assertThat(zoom.shownScale()).isCloseTo(0.25, within(1e-9));
        zoom.zoomIn();
        assertThat(zoom.shownScale()).isCloseTo(0.3125, within(1e-9));
        zoom.zoomOut();
        zoom.zoomOut();
        assertThat(zoom.fittingProperty().get()).isTrue();
        zoom.zoomOut(); // never smaller than fit
        assertThat(zoom.fittingProperty().get()).isTrue();
        assertThat(zoom.shownScale()).isEqualTo(0.2);
    }

    @Test
    void neverZoomsPastTheLargestScale() {
        for (int i = 0; i < 40; i++) {
            zoom.zoomIn();
        }
        assertThat(zoom.shownScale()).isEqualTo(PictureZoom.MAX_SCALE);
    }

    @Test
    void theWheelKeepsThePointUnderThePointer() {
        // the photo's point under (200, 150) of the area when fitted: (1000, 750) in photo pixels
        zoom.zoomAt(5, 200, 150);

        assertThat(zoom.shownScale()).isCloseTo(1, within(1e-9));
        assertThat(zoom.left() + 1000 * zoom.shownScale()).isCloseTo(200, within(1e-6));
        assertThat(zoom.top() + 750 * zoom.shownScale()).isCloseTo(150, within(1e-6));
    }

    @Test
    void aDragPansAZoomedPhotoButNotPastItsEdges() {
        zoom.actualSize();
        double left = zoom.left();

        zoom.panBy(100, 0);
        assertThat(zoom.left()).isEqualTo(left + 100);

        zoom.panBy(100_000, 100_000); // to the top left corner and no further
        assertThat(zoom.left()).isCloseTo(0, within(1e-9));
        assertThat(zoom.top()).isCloseTo(0, within(1e-9));
        zoom.panBy(-100_000, -100_000);
        assertThat(zoom.left()).isCloseTo(800 - 4000, within(1e-9));
        assertThat(zoom.top()).isCloseTo(600 - 3000, within(1e-9));
    }

    @Test
    void aFittedPhotoDoesNotMove() {
        zoom.panBy(50, 50);

        assertThat(zoom.left()).isZero();
        assertThat(zoom.top()).isZero();
    }

    @Test
    void fitCentresAgainAfterPanning() {
        zoom.actualSize();
        zoom.panBy(300, 200);

        zoom.fit();

        assertThat(zoom.left()).isZero();
        assertThat(zoom.top()).isZero();
        assertThat(zoom.centreXProperty().get()).isEqualTo(0.5);
    }

    @Test
    void aSmallerWindowKeepsTheZoomedPhotoCoveringIt() {
        zoom.actualSize();
        zoom.panBy(-100_000, 0); // at the right edge

        zoom.setArea(1600, 600);

        assertThat(zoom.left()).isCloseTo(1600 - 4000, within(1e-9));
    }
}
