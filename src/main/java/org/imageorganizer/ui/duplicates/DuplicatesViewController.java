package org.imageorganizer.ui.duplicates;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.imageorganizer.ui.grid.ThumbnailLoader;

/** Binds the Duplicates view (DuplicatesView.fxml) to its view model; each stack is a {@link StackCell} of a virtualised list. */
public final class DuplicatesViewController {
    private final DuplicatesViewModel model;
    private final ThumbnailLoader thumbnails;

    @FXML BorderPane root;
    @FXML Label summary;
    @FXML CheckBox exactOnly;
    @FXML Button reload;
    @FXML ListView<StackEntry> stacks;
    @FXML VBox loadingPane;
    @FXML ProgressIndicator progress;
    @FXML HBox messageBar;
    @FXML Label message;

    public DuplicatesViewController(DuplicatesViewModel model, ThumbnailLoader thumbnails) {
        this.model = model;
        this.thumbnails = thumbnails;
    }

    @FXML
    void initialize() {
        summary.textProperty().bind(model.summaryProperty());
        exactOnly.selectedProperty().bindBidirectional(model.exactOnlyProperty());
        reload.disableProperty().bind(model.loadingProperty());
        stacks.setItems(model.stacks());
        stacks.setCellFactory(list -> new StackCell(model, thumbnails, list.widthProperty()));
        Label empty = new Label(DuplicatesViewModel.EMPTY);
        empty.getStyleClass().add("empty-state");
        empty.visibleProperty().bind(model.emptyProperty());
        stacks.setPlaceholder(empty);
        loadingPane.visibleProperty().bind(model.loadingProperty());
        message.textProperty().bind(model.messageProperty());
        messageBar.visibleProperty().bind(model.messageProperty().isNotEmpty());
        messageBar.managedProperty().bind(messageBar.visibleProperty());
    }

    @FXML
    void reload() {
        model.load();
    }
}
