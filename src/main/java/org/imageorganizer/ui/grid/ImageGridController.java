package org.imageorganizer.ui.grid;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridView;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.library.PhotoDrag;
import org.imageorganizer.ui.sorting.SortingViewModel;

/**
 * The thumbnail grid (ImageGrid.fxml) with its hint while it is empty ("Opening the library…" until
 * the library has been read). A click selects an image, Ctrl-click toggles it, Shift-click extends
 * the selection from the anchor, a rubber band on the empty space selects what it touches (see
 * {@link GridKeyboard} for the keys); dragging a thumbnail carries the selection onto the tree (to move it to a
 * category); a double click or Enter previews, Delete removes the selection
 * from the library after asking.
 */
public final class ImageGridController {
    public static final double THUMBNAIL_SIZE = 160;

    private final ImageGridViewModel model;
    private final ThumbnailLoader thumbnails;
    private final ImageActions actions;
    private final PhotoCommands commands;
    private final SortingViewModel sorting;
    private final GridKeyboard keyboard = new GridKeyboard();
    private ContextMenu menu;

    @FXML GridView<ImageRecord> grid;
    @FXML Pane bandLayer;
    @FXML VBox emptyHint;
    @FXML Label emptyTitle;
    @FXML Label emptyText;

    public ImageGridController(ImageGridViewModel model, ThumbnailLoader thumbnails, ImageActions actions,
            PhotoCommands commands, SortingViewModel sorting) {
        this.model = model;
        this.thumbnails = thumbnails;
        this.actions = actions;
        this.commands = commands;
        this.sorting = sorting;
    }

    @FXML
    void initialize() {
        grid.setItems(model.images());
        grid.setCellWidth(THUMBNAIL_SIZE + 8);
        grid.setCellHeight(THUMBNAIL_SIZE + 26);
        GridSelection selection = model.selection();
        ThumbnailCell.Marks marks = model.marks();
        grid.setCellFactory(g -> {
            ThumbnailCell cell = new ThumbnailCell(thumbnails, THUMBNAIL_SIZE, marks);
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
        emptyHint.visibleProperty().bind(Bindings.isEmpty(model.images()));
        String dropHere = emptyTitle.getText();
        emptyTitle.textProperty().bind(Bindings.when(model.placeholderProperty().isEmpty())
                .then(dropHere).otherwise(model.placeholderProperty()));
        emptyText.visibleProperty().bind(model.placeholderProperty().isEmpty());
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
                keyboard.reveal(i);
                grid.requestFocus();
                return;
            }
        }
    }

    private void remove(List<ImageRecord> images) {
        commands.remove(images);
    }
}
