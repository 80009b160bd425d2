package org.imageorganizer.ui.preview;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * How the viewer's picture is zoomed and where it is panned to, without any node: either "fit" (the
 * whole photo in the area, never enlarged past its own pixels) or a scale of the photo's own pixels
 * (1 = 1:1, one photo pixel per screen pixel), centred on a point of the photo. The view tells it the
 * size of the area and of the photo; it answers where the picture goes ({@link #left()}, {@link #top()},
 * {@link #shownScale()}).
 */
public final class PictureZoom {
    /** One step of + / - (and of a wheel notch). */
    public static final double STEP = 1.25;
    /** The largest zoom: 8 screen pixels per photo pixel. */
    public static final double MAX_SCALE = 8;

    private final ReadOnlyBooleanWrapper fitting = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyDoubleWrapper centreX = new ReadOnlyDoubleWrapper(0.5);
    private final ReadOnlyDoubleWrapper centreY = new ReadOnlyDoubleWrapper(0.5);
    private final DoubleProperty areaWidth = new SimpleDoubleProperty(1);
    private final DoubleProperty areaHeight = new SimpleDoubleProperty(1);
    private final DoubleProperty photoWidth = new SimpleDoubleProperty(1);
    private final DoubleProperty photoHeight = new SimpleDoubleProperty(1);
    private final StringBinding zoomText;

    public PictureZoom() {
        zoomText = Bindings.createStringBinding(() -> fitting.get()
                        ? "Fit (" + percent(fitScale()) + ")" : percent(scale.get()),
                fitting, scale, areaWidth, areaHeight, photoWidth, photoHeight);
    }

    private static String percent(double scale) {
        return String.format(Locale.ROOT, "%.0f%%", scale * 100);
    }

    /** The scale at which the whole photo fits the area, never above 1:1. */
    public double fitScale() {
        double fit = Math.min(areaWidth.get() / photoWidth.get(), areaHeight.get() / photoHeight.get());
        return Math.max(1e-3, Math.min(1, fit));
    }

    /** The scale the photo is shown at now. */
    public double shownScale() {
        return fitting.get() ? fitScale() : scale.get();
    }

    /** Back to the whole photo, centred. */
    public void fit() {
        fitting.set(true);
        centreX.set(0.5);
        centreY.set(0.5);
    }

    /** One photo pixel per screen pixel, around the centre shown. */
    public void actualSize() {
        zoomTo(1);
    }

    /** A step closer. */
    public void zoomIn() {
        zoomTo(shownScale() * STEP);
    }

    /** A step back; back to fit when the photo would be smaller than the area. */
    public void zoomOut() {
        zoomTo(shownScale() / STEP);
    }

    /**
     * Zooms by {@code factor} keeping the photo's point under ({@code x}, {@code y}) of the area where it is
     * (the mouse wheel's zoom).
     */
    public void zoomAt(double factor, double x, double y) {
        double before = shownScale();
        double pointX = photoX(x, before);
        double pointY = photoY(y, before);
        zoomTo(before * factor);
        if (!fitting.get()) {
            double after = scale.get();
            // the photo point stays under (x, y): centre = point - (x - areaWidth/2) / (after * photoWidth)
            centreX.set(pointX - (x - areaWidth.get() / 2) / (after * photoWidth.get()));
            centreY.set(pointY - (y - areaHeight.get() / 2) / (after * photoHeight.get()));
            clampCentre();
        }
    }

    private double photoX(double x, double shown) {
        return (x - left(shown)) / (shown * photoWidth.get());
    }

    private double photoY(double y, double shown) {
        return (y - top(shown)) / (shown * photoHeight.get());
    }

    private void zoomTo(double wanted) {
        double fit = fitScale();
        double clamped = Math.min(MAX_SCALE, wanted);
        if (clamped <= fit * 1.0001) {
            fit();
            return;
        }
        boolean wasFitting = fitting.get();
        scale.set(clamped);
        fitting.set(false);
        if (wasFitting) {
            centreX.set(0.5);
            centreY.set(0.5);
        }
        clampCentre();
    }

    /** Moves the photo by a drag of ({@code dx}, {@code dy}) screen pixels; nothing to move when it fits. */
    public void panBy(double dx, double dy) {
        if (fitting.get()) {
            return;
        }
        centreX.set(centreX.get() - dx / (scale.get() * photoWidth.get()));
        centreY.set(centreY.get() - dy / (scale.get() * photoHeight.get()));
        clampCentre();
    }

    /** Whether a drag moves the photo: it is larger than the area one way or the other. */
    public boolean canPan() {
        double shown = shownScale();
        return shown * photoWidth.get() > areaWidth.get() + 0.5 || shown * photoHeight.get() > areaHeight.get() + 0.5;
    }

    /** Keeps the area covered by the photo where the photo is larger than it, and centres it where it is smaller. */
    private void clampCentre() {
        centreX.set(clamp(centreX.get(), areaWidth.get(), photoWidth.get()));
        centreY.set(clamp(centreY.get(), areaHeight.get(), photoHeight.get()));
    }

    private double clamp(double centre, double area, double photo) {
        double shown = shownScale() * photo;
        if (shown <= area) {
            return 0.5;
        }
        double half = area / 2 / shown;
        return Math.max(half, Math.min(1 - half, centre));
    }

    /** Where the photo's left edge is in the area, in screen pixels. */
    public double left() {
        return left(shownScale());
    }

    /** Where the photo's top edge is in the area, in screen pixels. */
    public double top() {
        return top(shownScale());
    }

    private double left(double shown) {
        return areaWidth.get() / 2 - (fitting.get() ? 0.5 : centreX.get()) * shown * photoWidth.get();
    }

    private double top(double shown) {
        return areaHeight.get() / 2 - (fitting.get() ? 0.5 : centreY.get()) * shown * photoHeight.get();
    }

    /** Tells the size of the area the picture is shown in. */
    public void setArea(double width, double height) {
        areaWidth.set(Math.max(1, width));
        areaHeight.set(Math.max(1, height));
        if (!fitting.get()) {
            clampCentre();
        }
    }

    /** Tells the photo's own size in pixels (a new photo is shown fitted). */
    public void setPhoto(double width, double height) {
        photoWidth.set(Math.max(1, width));
        photoHeight.set(Math.max(1, height));
        fit();
    }

    /** True while the whole photo is shown. */
    public ReadOnlyBooleanProperty fittingProperty() {
        return fitting.getReadOnlyProperty();
    }

    /** The scale when not fitting (1 = 1:1). */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    /** The photo's point at the area's centre, as a fraction of its width (0.5 = middle). */
    public ReadOnlyDoubleProperty centreXProperty() {
        return centreX.getReadOnlyProperty();
    }

    /** The photo's point at the area's centre, as a fraction of its height. */
    public ReadOnlyDoubleProperty centreYProperty() {
        return centreY.getReadOnlyProperty();
    }

    /** "Fit (42%)" or "100%". */
    public StringBinding zoomTextBinding() {
        return zoomText;
    }

    /** The observables the picture's place depends on. */
    javafx.beans.Observable[] dependencies() {
        return new javafx.beans.Observable[] {fitting, scale, centreX, centreY, areaWidth, areaHeight, photoWidth,
                photoHeight};
    }
}
