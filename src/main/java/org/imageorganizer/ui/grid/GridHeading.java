package org.imageorganizer.ui.grid;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.imageorganizer.ui.library.LibraryTreeBuilder;
import org.imageorganizer.ui.library.TreeNode;

/**
 * The line above the grid that says where the user is, as the web page does: the breadcrumb of the tree row
 * ("Train › Mountain › Cluster 1", a cluster by the name the user gave it) and how many photos it holds; and the
 * size of the thumbnails (its slider, Ctrl + mouse wheel), kept between {@link #MIN_SIZE} and {@link #MAX_SIZE}.
 */
public final class GridHeading {
    public static final double MIN_SIZE = 96;
    public static final double MAX_SIZE = 320;
    public static final double DEFAULT_SIZE = 160;
    /** How much one notch of Ctrl + mouse wheel changes the size. */
    public static final double STEP = 16;

    /** Between the parts of a breadcrumb. */
    public static final String SEPARATOR = " \u203A ";

    private final StringBinding breadcrumb;
    private final StringBinding count;
    private final DoubleProperty thumbnailSize = new SimpleDoubleProperty(DEFAULT_SIZE) {
        @Override
        public void set(double value) {
            super.set(clamp(value));
        }
    };

    public GridHeading(ImageGridViewModel grid) {
        breadcrumb = Bindings.createStringBinding(() -> String.join(SEPARATOR, parts(grid.rowProperty().get())),
                grid.rowProperty());
        count = Bindings.createStringBinding(() -> grid.rowProperty().get() == null && grid.photoCountProperty().get() == 0
                ? "" : photos(grid.photoCountProperty().get()), grid.photoCountProperty(), grid.rowProperty());
    }

    /** The side of a thumbnail in the grid, in pixels ({@link #MIN_SIZE} to {@link #MAX_SIZE}). */
    public DoubleProperty thumbnailSizeProperty() {
        return thumbnailSize;
    }

    /** Ctrl + mouse wheel: {@code notches} up makes thumbnails larger, down smaller. */
    public void zoom(double notches) {
        thumbnailSize.set(Math.round(thumbnailSize.get() + notches * STEP));
    }

    /** A usable size: within the bounds, the default for nonsense. */
    public static double clamp(double size) {
        if (!Double.isFinite(size)) {
            return DEFAULT_SIZE;
        }
        return Math.max(MIN_SIZE, Math.min(MAX_SIZE, size));
    }

    /** "Train › Mountain › Cluster 1"; "All photos" for the root; empty when no row is shown. */
    public StringBinding breadcrumbProperty() {
        return breadcrumb;
    }

    /** "12 photos", "1 photo". */
    public StringBinding countProperty() {
        return count;
    }

    /** The names from the top of the tree down to {@code row} (its object, its background, its cluster). */
    public static List<String> parts(TreeNode row) {
        List<String> parts = new ArrayList<>();
        if (row == null) {
            return parts;
        }
        if (row.level() == TreeNode.Level.ALL) {
            parts.add(row.label());
            return parts;
        }
        parts.add(LibraryTreeBuilder.display(row.object()));
        if (row.background() != null) {
            parts.add(LibraryTreeBuilder.display(row.background()));
        }
        if (row.level() == TreeNode.Level.CLUSTER) {
            parts.add(row.label());
        }
        return parts;
    }

    /** "1 photo", "2,345 photos" (grouped as the user's locale groups numbers). */
    public static String photos(int count) {
        return count == 1 ? "1 photo" : String.format("%,d photos", count);
    }
}
