package org.imageorganizer.ui.grid;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.library.PhotoDrag;
import org.imageorganizer.ui.sorting.SortingViewModel;

/**
 * The thumbnail grid (ImageGrid.fxml) under its header (the breadcrumb of the tree row and its count, the
 * order, the thumbnail size: the slider, or Ctrl + mouse wheel on the grid), with its hint instead of photos
 * ({@link GridHint}: "Opening the library…", "Nothing matches 'sunset'" with Clear, the drop hint). A click selects an image, Ctrl-click toggles it, Shift-click extends
 * the selection from the anchor, a rubber band on the empty space selects what it touches (see
 * {@link GridKeyboard} for the keys); dragging a thumbnail carries the selection onto the tree (to move it to a
 * category); a double click or Enter previews, Delete removes the selection
 * from the library after asking.
 */
public final class ImageGridController {
    private final ImageGridViewModel model;
    private final GridHeading heading;
    private final GridHint hint;
    private final ThumbnailLoader thumbnails;
    private final ImageActions actions;
    private final PhotoCommands commands;
    private final SortingViewModel sorting;
    private final GridKeyboard keyboard = new GridKeyboard();
    private ContextMenu menu;

    @FXML PhotoGrid grid;
    @FXML Pane bandLayer;
    @FXML VBox emptyHint;
    @FXML Label emptyTitle;
    @FXML Label emptyText;
    @FXML Button clearButton;
    @FXML HBox header;
    @FXML Label breadcrumb;
    @FXML Label count;
    @FXML ComboBox<PhotoOrder> order;
    @FXML Slider sizeSlider;

    public ImageGridController(ImageGridViewModel model, GridHeading heading, GridHint hint, ThumbnailLoader thumbnails,
            ImageActions actions, PhotoCommands commands, SortingViewModel sorting) {
        this.model = model;
        this.heading = heading;
        this.hint = hint;
        this.thumbnails = thumbnails;
        this.actions = actions;
        this.commands = commands;
        this.sorting = sorting;
    }

    @FXML
    void initialize() {
        grid.setItems(model.images());
        grid.cellSizeProperty().bind(heading.thumbnailSizeProperty());
        grid.sectionsProperty().bind(model.sectionsProperty());
        GridSelection selection = model.selection();
        ThumbnailCell.Marks marks = model.marks();
        grid.setCellFactory(() -> {
            ThumbnailCell cell = new ThumbnailCell(thumbnails, heading.thumbnailSizeProperty().get(), marks);
            cell.setOnMouseClicked(e -> clicked(cell.getItem(), e));
            cell.setOnMousePressed(e -> {
                if (e.getButton() == MouseButton.SECONDARY || e.isPopupTrigger()) {
                    showMenu(cell, e.getScreenX(), e.getScreenY());
                    e.consume();
                }
            });
            cell.setOnDragDetected(e -> startDrag(cell, e));
            return cell;
        });
        keyboard.attach(grid, selection, this::preview, this::remove);
        new RubberBand(grid, bandLayer, selection).attach();
        grid.setOnContextMenuRequested(e -> { // the keyboard's menu key: the menu of the selection
            List<ImageRecord> targets = selection.targets();
            if (e.isKeyboardTrigger() && !targets.isEmpty()) {
                showMenu(targets, grid, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        grid.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && e.getDeltaY() != 0) {
                heading.zoom(Math.signum(e.getDeltaY()));
                e.consume();
            }
        });
        bindHeader();
        hint.stateProperty().addListener((o, was, now) -> showHint(now));
        showHint(hint.stateProperty().get());
    }

    private void bindHeader() {
        breadcrumb.textProperty().bind(heading.breadcrumbProperty());
        count.textProperty().bind(heading.countProperty());
        order.getItems().setAll(PhotoOrder.values());
        order.valueProperty().bindBidirectional(model.orderProperty());
        order.disableProperty().bind(model.followingRowProperty().not()); // a found list is best first
        sizeSlider.setMin(GridHeading.MIN_SIZE);
        sizeSlider.setMax(GridHeading.MAX_SIZE);
        sizeSlider.valueProperty().bindBidirectional(heading.thumbnailSizeProperty());
        sizeSlider.setAccessibleText("Thumbnail size");
        order.setAccessibleText("Order of the photos");
    }

    private void showHint(GridHint.State state) {
        emptyHint.setVisible(state.kind() != GridHint.Kind.NONE);
        emptyTitle.setText(state.title());
        emptyText.setText(state.text());
        emptyText.setVisible(!state.text().isEmpty());
        emptyText.setManaged(emptyText.isVisible());
        clearButton.setVisible(state.clearable());
        clearButton.setManaged(state.clearable());
        grid.setVisible(!state.hidesPhotos());
        count.setVisible(!state.hidesPhotos()); // the photos counted are not the ones shown
    }

    @FXML
    void clearFilter() {
        hint.clear();
        grid.requestFocus();
    }

    private void clicked(ImageRecord image, MouseEvent e) {
        if (image == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        GridSelection selection = model.selection();
        if (e.isShiftDown()) {
            selection.extendTo(image, e.isShortcutDown());
        } else if (e.isShortcutDown()) {
            selection.toggle(image);
        } else if (e.getClickCount() != 2 || !selection.isSelected(image.id())) {
            selection.select(image);
        }
        grid.requestFocus();
        if (e.getClickCount() == 2 && !e.isShiftDown() && !e.isShortcutDown()) {
            preview(image);
        }
    }

    /** A drag of a thumbnail carries the selection (the photo alone when it is not selected) to the tree. */
    private void startDrag(ThumbnailCell cell, MouseEvent e) {
        ImageRecord image = cell.getItem();
        if (image == null || cell.isEmpty() || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        GridSelection selection = model.selection();
        if (!selection.isSelected(image.id())) {
            selection.select(image);
        }
        List<Long> ids = selection.selected().stream().map(ImageRecord::id).toList();
        Dragboard board = cell.startDragAndDrop(TransferMode.MOVE);
        board.setContent(PhotoDrag.content(ids));
        board.setDragView(cell.snapshot(null, null));
        e.consume();
    }

    /** The menu acts on the selection when the clicked photo is in it, else on the clicked photo (selected alone). */
    private void showMenu(ThumbnailCell cell, double screenX, double screenY) {
        ImageRecord image = cell.getItem();
        if (image == null || cell.isEmpty()) {
            return;
        }
        GridSelection selection = model.selection();
        if (!selection.isSelected(image.id())) {
            selection.select(image);
        }
        showMenu(selection.selected(), cell, screenX, screenY);
    }

    private void showMenu(List<ImageRecord> photos, Node anchor, double screenX, double screenY) {
        if (menu != null) {
            menu.hide();
        }
        menu = GridContextMenu.forPhotos(photos, commands, sorting);
        menu.show(anchor, screenX, screenY);
    }

    private void preview(ImageRecord image) {
        actions.preview(image, List.copyOf(model.images()), this::reselect);
    }

    /** After the viewer: the photo it showed last is selected and scrolled into view (when still in the grid). */
    private void reselect(ImageRecord last) {
        List<ImageRecord> shown = model.images();
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id() == last.id()) { // by id: the grid may hold a newer record of it
                model.selection().select(shown.get(i));
                grid.reveal(i);
                grid.requestFocus();
                return;
            }
        }
    }

    private void remove(List<ImageRecord> images) {
        commands.remove(images);
    }
}
