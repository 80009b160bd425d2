package org.imageorganizer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowStateTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1050);
    private static final Rectangle2D SECOND = new Rectangle2D(1920, 0, 2560, 1400);

    @Test
    void aWindowOnAScreenStaysWhereItWas() {
        WindowState state = new WindowState(100.0, 80.0, 1000, 700, false, 0.3);

        assertThat(state.placedOn(List.of(LAPTOP, SECOND))).isEqualTo(state);
    }

    @Test
    void aWindowOnTheSecondScreenStaysThere() {
        WindowState state = new WindowState(2200.0, 100.0, 1600, 1000, true, 0.4);

        assertThat(state.placedOn(List.of(LAPTOP, SECOND))).isEqualTo(state);
    }

    @Test
    void aWindowOnAnUnpluggedScreenIsCentredOnThePrimary() {
        WindowState state = new WindowState(2200.0, 100.0, 1600, 1000, false, 0.4);

        WindowState placed = state.placedOn(List.of(LAPTOP));

        assertThat(placed.centred()).isTrue();
        assertThat(placed.width()).isEqualTo(1600);
        assertThat(placed.height()).isEqualTo(1000);
        assertThat(placed.divider()).isEqualTo(0.4);
    }

    @Test
    void aWindowFarOffScreenIsCentred() {
        WindowState placed = new WindowState(-5000.0, -5000.0, 800, 600, false, 0.3).placedOn(List.of(LAPTOP));

        assertThat(placed.centred()).isTrue();
    }

    @Test
    void aWindowHangingOverTheEdgeIsPulledIn() {
        WindowState placed = new WindowState(1500.0, 900.0, 1000, 700, false, 0.3).placedOn(List.of(LAPTOP));

        assertThat(placed.x()).isEqualTo(920.0);
        assertThat(placed.y()).isEqualTo(350.0);
        assertThat(placed.width()).isEqualTo(1000);
    }

    @Test
    void aWindowLargerThanItsScreenIsShrunk() {
        WindowState placed = new WindowState(-20.0, -10.0, 3000, 2000, false, 0.3).placedOn(List.of(LAPTOP));

        assertThat(placed.x()).isZero();
        assertThat(placed.y()).isZero();
        assertThat(placed.width()).isEqualTo(1920);
        assertThat(placed.height()).isEqualTo(1050);
    }

    @Test
    void aCentredWindowIsShrunkToThePrimaryScreen() {
        WindowState placed = new WindowState(null, null, 2400, 1600, false, 0.3).placedOn(List.of(LAPTOP, SECOND));

        assertThat(placed.centred()).isTrue();
        assertThat(placed.width()).isEqualTo(1920);
        assertThat(placed.height()).isEqualTo(1050);
    }

    @Test
    void withoutScreensNothingChanges() {
        WindowState state = new WindowState(10.0, 10.0, 800, 600, false, 0.3);

        assertThat(state.placedOn(List.of())).isEqualTo(state);
    }

    @Test
    void unusableNumbersBecomeDefaults() {
        WindowState state = new WindowState(Double.NaN, 5.0, -1, Double.POSITIVE_INFINITY, true, 2);

        assertThat(state.centred()).isTrue();
        assertThat(state.y()).isNull();
        assertThat(state.width()).isEqualTo(WindowState.DEFAULT_WIDTH);
        assertThat(state.height()).isEqualTo(WindowState.DEFAULT_HEIGHT);
        assertThat(state.divider()).isEqualTo(WindowState.DEFAULT_DIVIDER);
        assertThat(state.maximized()).isTrue();
    }

    @Test
    void tooSmallWindowsGrowToTheMinimum() {
        WindowState state = new WindowState(0.0, 0.0, 100, 50, false, 0.3);

        assertThat(state.width()).isEqualTo(WindowState.DEFAULT_WIDTH);
        assertThat(state.height()).isEqualTo(WindowState.DEFAULT_HEIGHT);
    }
}
