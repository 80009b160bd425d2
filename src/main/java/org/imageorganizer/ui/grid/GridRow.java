package org.imageorganizer.ui.grid;

/** One row of the grid's virtual flow: a month header, or up to a row's worth of photos. */
public sealed interface GridRow {
    /** A header above the photos of one month ("June 2024", "No date"). */
    record Header(String title) implements GridRow {
    }

    /** The photos at {@code from} (inclusive) to {@code to} (exclusive) of the grid's images. */
    record Photos(int from, int to) implements GridRow {
        public int size() {
            return to - from;
        }
    }
}
