package org.imageorganizer.ui.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.imageorganizer.model.ImageRecord;

/**
 * The grid's images cut into rows of a number of columns, with a header row wherever the section (the
 * month) changes. Pure, so it is made again whenever the width, the thumbnail size or the images change (a
 * few milliseconds for 100,000 photos); the flow above it only makes the rows on screen.
 */
public final class GridLayout {
    public static final GridLayout EMPTY = new GridLayout(List.of(), new int[0], 1);

    private final List<GridRow> rows;
    private final int[] rowOfImage;
    private final int columns;

    private GridLayout(List<GridRow> rows, int[] rowOfImage, int columns) {
        this.rows = rows;
        this.rowOfImage = rowOfImage;
        this.columns = columns;
    }

    /**
     * @param sections the header each image goes under, or null for no headers (a found list, best first)
     */
    public static GridLayout of(List<ImageRecord> images, int columns, Function<ImageRecord, String> sections) {
        int perRow = Math.max(1, columns);
        List<GridRow> rows = new ArrayList<>(images.size() / perRow + 8);
        int[] rowOf = new int[images.size()];
        int start = 0;
        String section = null;
        for (int i = 0; i <= images.size(); i++) {
            String now = i < images.size() && sections != null ? sections.apply(images.get(i)) : section;
            boolean newSection = i < images.size() && sections != null && (i == 0 || !Objects.equals(now, section));
            if (i > start && (i == images.size() || newSection || i - start == perRow)) {
                for (int j = start; j < i; j++) {
                    rowOf[j] = rows.size();
                }
                rows.add(new GridRow.Photos(start, i));
                start = i;
            }
            if (newSection) {
                rows.add(new GridRow.Header(now));
                section = now;
            }
        }
        return new GridLayout(List.copyOf(rows), rowOf, perRow);
    }

    public List<GridRow> rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** The row that shows the image at {@code index}. */
    public int rowOf(int index) {
        return rowOfImage[index];
    }

    /** The image below {@code index} (same column, or the last of a shorter row); the last image at the bottom. */
    public int below(int index) {
        return step(index, 1);
    }

    /** The image above {@code index} (same column, or the last of a shorter row); the first image at the top. */
    public int above(int index) {
        return step(index, -1);
    }

    private int step(int index, int direction) {
        int row = rowOfImage[index];
        int column = index - ((GridRow.Photos) rows.get(row)).from();
        for (int r = row + direction; r >= 0 && r < rows.size(); r += direction) {
            if (rows.get(r) instanceof GridRow.Photos photos) {
                return photos.from() + Math.min(column, photos.size() - 1);
            }
        }
        return direction > 0 ? rowOfImage.length - 1 : 0;
    }
}
