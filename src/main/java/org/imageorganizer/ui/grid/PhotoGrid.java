package org.imageorganizer.ui.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.StackPane;
import org.imageorganizer.model.ImageRecord;

/**
 * A virtualised grid of thumbnails with header rows: a {@link ListView} of {@link GridRow}s (only the rows on
 * screen are made), laid out by {@link GridLayout} again whenever the images, the width, the thumbnail size or
 * the sections change. The columns share the width between them, so no strip stays empty on the right.
 */
public final class PhotoGrid extends StackPane {
    /** The least room between two thumbnails. */
    static final double GAP = 14;
    /** Room kept for the flow's vertical scroll bar and the row's padding. */
    static final double RESERVED = 24;

    private final ListView<GridRow> flow = new ListView<>();
    private ObservableList<ImageRecord> items = FXCollections.observableArrayList();
    private final DoubleProperty cellSize = new SimpleDoubleProperty(160);
    private final ObjectProperty<Function<ImageRecord, String>> sections = new SimpleObjectProperty<>();
    private final InvalidationListener relayout = o -> relayout();
    private Supplier<ThumbnailCell> cellFactory;
    private GridLayout gridLayout = GridLayout.EMPTY;

    public PhotoGrid() {
        getStyleClass().add("photo-grid-pane");
        flow.getStyleClass().add("photo-grid");
        flow.setFocusTraversable(true);
        flow.setSelectionModel(null); // rows are not selected: photos are (GridSelection)
        flow.setFocusModel(null);
        flow.setCellFactory(list -> new PhotoRowCell(this));
        flow.setPlaceholder(new javafx.scene.layout.Region()); // the grid's own hint says why it is empty
        getChildren().add(flow);
        items.addListener(relayout);
        flow.widthProperty().addListener(o -> {
            if (columnsFor(flow.getWidth()) != gridLayout.columns()) {
                relayout(); // a width that keeps the columns only widens them: the rows stay
            }
        });
        cellSize.addListener(relayout);
        sections.addListener(relayout);
        visibleProperty().addListener((o, was, now) -> {
            if (now) {
                flow.refresh(); // rows laid out while hidden would not be made otherwise
            }
        });
    }

    /** The images, in the order shown. */
    public ObservableList<ImageRecord> getItems() {
        return items;
    }

    /** Shows {@code images} from now on, following their changes (not a property: two empty lists are equal). */
    public void setItems(ObservableList<ImageRecord> images) {
        items.removeListener(relayout);
        items = images;
        items.addListener(relayout);
        relayout();
    }

    /** The side of a thumbnail's frame. */
    public DoubleProperty cellSizeProperty() {
        return cellSize;
    }

    /** The header each image goes under, or null: no headers. */
    public ObjectProperty<Function<ImageRecord, String>> sectionsProperty() {
        return sections;
    }

    /** Makes the cells of the thumbnails (their mouse handling is the caller's). */
    public void setCellFactory(Supplier<ThumbnailCell> factory) {
        this.cellFactory = factory;
    }

    ThumbnailCell newCell() {
        return cellFactory == null ? new ThumbnailCell(null, cellSize.get()) : cellFactory.get();
    }

    /** The rows as laid out now. */
    public GridLayout gridLayout() {
        return gridLayout;
    }

    /** The flow of rows (for focus and key handling). */
    public ListView<GridRow> flow() {
        return flow;
    }

    /** Columns for the flow's width now (at least one). */
    int columnsFor(double width) {
        double room = Math.max(0, width - RESERVED);
        return Math.max(1, (int) Math.floor((room + GAP) / (cellSize.get() + GAP)));
    }

    private void relayout() {
        List<ImageRecord> images = items;
        gridLayout = GridLayout.of(images, columnsFor(flow.getWidth()), sections.get());
        flow.getItems().setAll(gridLayout.rows());
    }

    /** Scrolls the least needed to show the row of the image at {@code index} (and its header when just above). */
    public void reveal(int index) {
        if (index < 0 || index >= getItems().size()) {
            return;
        }
        int row = gridLayout.rowOf(index);
        Node node = flow.lookup(".virtual-flow");
        if (node instanceof VirtualFlow<?> virtual) {
            if (row > 0 && gridLayout.rows().get(row - 1) instanceof GridRow.Header) {
                virtual.scrollTo(row - 1);
            }
            virtual.scrollTo(row);
        } else {
            flow.scrollTo(row);
        }
    }

    /** The cells on screen that show an image (not those the flow keeps aside, hidden, for later rows). */
    public List<ThumbnailCell> visibleCells() {
        List<ThumbnailCell> cells = new ArrayList<>();
        for (Node node : lookupAll(".thumbnail-cell")) {
            if (node instanceof ThumbnailCell cell && !cell.isEmpty() && cell.getItem() != null && shown(cell)) {
                cells.add(cell);
            }
        }
        return cells;
    }

    private boolean shown(Node node) {
        for (Node n = node; n != null && n != this; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return isVisible();
    }

    @Override
    public void requestFocus() {
        flow.requestFocus();
    }

    /** One row of the flow: a month header, or a row of thumbnails sharing the width. */
    private static final class PhotoRowCell extends ListCell<GridRow> {
        private final PhotoGrid grid;
        private final PhotoRow row;
        private final javafx.scene.control.Label header = new javafx.scene.control.Label();

        PhotoRowCell(PhotoGrid grid) {
            this.grid = grid;
            this.row = new PhotoRow(grid);
            header.getStyleClass().add("month-header");
            header.setMaxWidth(Double.MAX_VALUE);
            getStyleClass().add("photo-row");
        }

        /** A row's photos are indexes into the images: a row equal to the old one may show other images now. */
        @Override
        protected boolean isItemChanged(GridRow oldItem, GridRow newItem) {
            return true;
        }

        @Override
        protected void updateItem(GridRow item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                row.show(null);
                setGraphic(null);
            } else if (item instanceof GridRow.Header h) {
                row.show(null);
                header.setText(h.title());
                setGraphic(header);
            } else if (item instanceof GridRow.Photos photos) {
                row.show(photos);
                setGraphic(row);
            }
        }
    }

    /** The thumbnails of one row, each in an equal share of the width, the row's cells reused as it scrolls. */
    private static final class PhotoRow extends javafx.scene.layout.Pane {
        private final PhotoGrid grid;
        private final List<ThumbnailCell> cells = new ArrayList<>();
        private int columns = 1;

        PhotoRow(PhotoGrid grid) {
            this.grid = grid;
            getStyleClass().add("photo-row-cells");
        }

        void show(GridRow.Photos photos) {
            List<ImageRecord> images = grid.getItems();
            int count = photos == null ? 0 : photos.size();
            while (cells.size() < count) {
                ThumbnailCell cell = grid.newCell();
                cells.add(cell);
                getChildren().add(cell);
            }
            for (int i = 0; i < cells.size(); i++) {
                ThumbnailCell cell = cells.get(i);
                cell.setSize(grid.cellSize.get());
                boolean used = i < count;
                cell.show(used ? images.get(photos.from() + i) : null);
                cell.setVisible(used);
                cell.setManaged(used);
            }
            columns = grid.gridLayout.columns();
            requestLayout();
        }

        @Override
        protected double computePrefHeight(double width) {
            double tallest = 0;
            for (ThumbnailCell cell : cells) {
                if (cell.isManaged()) {
                    tallest = Math.max(tallest, cell.prefHeight(-1));
                }
            }
            return tallest + snappedTopInset() + snappedBottomInset();
        }

        @Override
        protected double computePrefWidth(double height) {
            return 0; // the flow gives it its width; it never asks for more
        }

        @Override
        protected void layoutChildren() {
            double left = snappedLeftInset();
            double share = (getWidth() - left - snappedRightInset()) / Math.max(1, columns);
            int column = 0;
            for (ThumbnailCell cell : cells) {
                if (!cell.isManaged()) {
                    continue;
                }
                double w = Math.min(share, cell.prefWidth(-1));
                double h = cell.prefHeight(w);
                cell.resizeRelocate(snapPositionX(left + column * share + (share - w) / 2), snappedTopInset(),
                        snapSizeX(w), snapSizeY(h));
                column++;
            }
        }
    }
}
