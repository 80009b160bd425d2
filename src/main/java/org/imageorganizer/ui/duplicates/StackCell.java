package org.imageorganizer.ui.duplicates;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.DoubleExpression;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.imageorganizer.services.PhotoDuplicates.StackedPhoto;
import org.imageorganizer.ui.grid.ThumbnailLoader;

/**
 * One stack in the Duplicates view's list: its photos side by side (thumbnail, name, why it was grouped,
 * size and dimensions, every place), the one kept marked "Keep", "Keep This" on the others, and the
 * stack's two actions. Rebuilt when the cell is given another stack or the kept photo changes.
 */
final class StackCell extends ListCell<StackEntry> {
    static final double THUMBNAIL = 180;

    private final DuplicatesViewModel model;
    private final ThumbnailLoader thumbnails;
    private final DoubleExpression listWidth;
    private final InvalidationListener keepChanged = o -> rebuild();
    private StackEntry shown;

    StackCell(DuplicatesViewModel model, ThumbnailLoader thumbnails, DoubleExpression listWidth) {
        this.model = model;
        this.thumbnails = thumbnails;
        this.listWidth = listWidth;
    }

    @Override
    protected void updateItem(StackEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        if (shown != null) {
            shown.keepProperty().removeListener(keepChanged);
        }
        shown = empty ? null : entry;
        if (shown != null) {
            shown.keepProperty().addListener(keepChanged);
        }
        rebuild();
    }

    private void rebuild() {
        setText(null);
        if (shown == null) {
            setGraphic(null);
            return;
        }
        StackEntry entry = shown;
        Label title = new Label(entry.title());
        title.getStyleClass().add("stack-title");
        FlowPane members = new FlowPane(10, 10);
        members.prefWrapLengthProperty().bind(listWidth.subtract(64)); // the cell's padding and the scroll bar
        for (StackedPhoto photo : entry.members()) {
            members.getChildren().add(member(entry, photo));
        }
        VBox box = new VBox(8, title, members);
        if (entry.resolvable()) {
            box.getChildren().add(actions(entry));
        }
        setGraphic(box);
    }

    private Node actions(StackEntry entry) {
        Button remove = new Button("Keep This, Remove Others from Library");
        remove.getStyleClass().add("remove-others");
        remove.setDefaultButton(false);
        remove.setOnAction(e -> model.removeOthers(entry));
        remove.disableProperty().bind(entry.busyProperty());
        Button trash = new Button("Move Others to Trash…");
        trash.getStyleClass().addAll("trash-action", "trash-others");
        trash.setOnAction(e -> model.trashOthers(entry));
        trash.disableProperty().bind(entry.busyProperty().or(model.trashAvailableProperty().not()));
        // a disabled control shows no tooltip: the wrapper does
        StackPane trashHolder = new StackPane(trash);
        Tooltip.install(trashHolder, new Tooltip(model.trashAvailableProperty().get()
                ? "Moves the files of the photos not kept to the system trash (every place each is in) and removes them from the library"
                : "There is no system trash on this computer, so files cannot be moved to it here"));
        Label kept = new Label("Keeping “" + entry.kept().image().fileName() + "”");
        HBox row = new HBox(10, remove, trashHolder, kept);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node member(StackEntry entry, StackedPhoto photo) {
        boolean kept = photo.image().id() == entry.keepProperty().get();
        ImageView view = new ImageView();
        view.setFitWidth(THUMBNAIL);
        view.setFitHeight(THUMBNAIL);
        view.setPreserveRatio(true);
        StackPane frame = new StackPane(view);
        frame.setPrefSize(THUMBNAIL, THUMBNAIL);
        frame.setMaxSize(THUMBNAIL, THUMBNAIL);
        frame.getStyleClass().add("member-thumb");
        view.setImage(thumbnails.cached(photo.image().id()));
        if (view.getImage() == null) {
            StackEntry wanted = entry;
            thumbnails.load(photo.image(), () -> getItem() == wanted, image -> {
                if (getItem() == wanted) {
                    view.setImage(image);
                }
            });
        }
        VBox box = new VBox(4);
        box.getStyleClass().add("member");
        box.setPrefWidth(THUMBNAIL + 16);
        box.setMaxWidth(THUMBNAIL + 16);
        box.getProperties().put("image-id", photo.image().id());
        box.getChildren().add(frame);
        if (entry.resolvable()) {
            if (kept) {
                box.getStyleClass().add("kept");
                Label badge = new Label("Keep");
                badge.getStyleClass().add("keep-badge");
                box.getChildren().add(badge);
            } else {
                Button keep = new Button("Keep This");
                keep.getStyleClass().add("keep-this");
                keep.setOnAction(e -> model.keep(entry, photo.image().id()));
                keep.disableProperty().bind(entry.busyProperty());
                box.getChildren().add(keep);
            }
        }
        box.getChildren().add(wrapped(photo.image().fileName(), "member-name"));
        if (photo.image().id() == entry.stack().keeper().image().id() && entry.resolvable()) {
            box.getChildren().add(wrapped("Suggested: the most pixels, then the oldest file", "member-why"));
        } else if (photo.why() != null) {
            box.getChildren().add(wrapped(photo.why(), "member-why"));
        }
        box.getChildren().add(wrapped(DuplicatesViewModel.facts(photo.image()), "member-facts"));
        if (photo.places().size() > 1) {
            box.getChildren().add(wrapped("In " + photo.places().size() + " places:", "member-facts"));
        }
        for (String place : photo.places()) {
            Label label = wrapped(place, "member-place");
            label.setTooltip(new Tooltip(place));
            box.getChildren().add(label);
        }
        return box;
    }

    private static Label wrapped(String text, String style) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(style);
        label.setMaxWidth(THUMBNAIL);
        return label;
    }
}
