package org.imageorganizer.ui.main;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window was: its normal (not maximized) bounds, whether it was maximized, and the
 * position of the divider between the tree and the grid. Saved as JSON between runs.
 *
 * @param x         left edge, or null to centre the window
 * @param y         top edge, or null to centre the window
 * @param width     width of the normal window
 * @param height    height of the normal window
 * @param maximized whether the window filled the screen
 * @param divider   the split pane's divider, 0..1 of its width
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WindowState(
        @JsonProperty("x") Double x,
        @JsonProperty("y") Double y,
        @JsonProperty("width") double width,
        @JsonProperty("height") double height,
        @JsonProperty("maximized") boolean maximized,
        @JsonProperty("divider") double divider) {

    static final double DEFAULT_WIDTH = 1200;
    static final double DEFAULT_HEIGHT = 800;
    static final double DEFAULT_DIVIDER = 0.28;
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 420;

    /** Unusable numbers (not finite, too small, dividers outside 0.05..0.95) become defaults. */
    public WindowState {
        x = finite(x) ? x : null;
        y = finite(y) ? y : null;
        if (x == null || y == null) {
            x = null;
            y = null;
        }
        width = Double.isFinite(width) && width >= MIN_WIDTH ? width : DEFAULT_WIDTH;
        height = Double.isFinite(height) && height >= MIN_HEIGHT ? height : DEFAULT_HEIGHT;
        divider = Double.isFinite(divider) && divider >= 0.05 && divider <= 0.95 ? divider : DEFAULT_DIVIDER;
    }

    private static boolean finite(Double value) {
        return value != null && Double.isFinite(value);
    }

    /** A centred window of the default size. */
    public static WindowState defaults() {
        return new WindowState(null, null, DEFAULT_WIDTH, DEFAULT_HEIGHT, false, DEFAULT_DIVIDER);
    }

    /** Whether the window is to be centred rather than placed. */
    public boolean centred() {
        return x == null;
    }

    /**
     * The state moved and shrunk so the window lies on one of {@code screens} (their visual bounds,
     * the first being the primary): on the screen it overlaps most, or centred on the primary when
     * it overlaps none (a monitor unplugged since).
     */
    public WindowState placedOn(List<Rectangle2D> screens) {
        if (screens.isEmpty()) {
            return this;
        }
        Rectangle2D primary = screens.get(0);
        if (centred()) {
            return new WindowState(null, null, Math.min(width, primary.getWidth()), Math.min(height, primary.getHeight()),
                    maximized, divider);
        }
        Rectangle2D best = null;
        double bestArea = 0;
        for (Rectangle2D screen : screens) {
            double area = overlap(screen);
            if (area > bestArea) {
                bestArea = area;
                best = screen;
            }
        }
        if (best == null) {
            return new WindowState(null, null, Math.min(width, primary.getWidth()), Math.min(height, primary.getHeight()),
                    maximized, divider);
        }
        double w = Math.min(width, best.getWidth());
        double h = Math.min(height, best.getHeight());
        double left = Math.max(best.getMinX(), Math.min(x, best.getMaxX() - w));
        double top = Math.max(best.getMinY(), Math.min(y, best.getMaxY() - h));
        return new WindowState(left, top, w, h, maximized, divider);
    }

    private double overlap(Rectangle2D screen) {
        double w = Math.min(x + width, screen.getMaxX()) - Math.max(x, screen.getMinX());
        double h = Math.min(y + height, screen.getMaxY()) - Math.max(y, screen.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }
}
