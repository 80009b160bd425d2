package org.imageorganizer.ui.modelsetup;

import java.io.File;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.imageorganizer.ui.modelsetup.ModelSetupViewModel.State;

/**
 * Binds the model-setup choices to the view model; closes itself once a model is in place, and tells
 * {@code onReady} (the window starts the photos that waited for the model).
 */
public final class ModelSetupDialogController {
    private final ModelSetupViewModel model;

    @FXML VBox root;
    @FXML Button downloadButton;
    @FXML HBox progressRow;
    @FXML ProgressBar downloadProgress;
    @FXML Button cancelDownloadButton;
    @FXML Button chooseFolderButton;
    @FXML Label setupMessage;
    @FXML TitledPane detailsPane;
    @FXML TextArea failureDetails;
    @FXML Button setupClose;
    private final Runnable onReady;

    public ModelSetupDialogController(ModelSetupViewModel model, Runnable onReady) {
        this.model = model;
        this.onReady = onReady;
    }

    @FXML
    void initialize() {
        downloadButton.disableProperty().bind(model.busyProperty());
        downloadButton.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.downloadSizeProperty().get().isEmpty() ? "Download the Model"
                        : "Download the Model (" + model.downloadSizeProperty().get() + ")",
                model.downloadSizeProperty()));
        chooseFolderButton.disableProperty().bind(model.busyProperty());
        downloadProgress.progressProperty().bind(model.progressProperty());
        progressRow.visibleProperty().bind(model.stateProperty().isEqualTo(State.DOWNLOADING));
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        setupMessage.textProperty().bind(model.messageProperty());
        setupMessage.visibleProperty().bind(model.messageProperty().isNotEmpty());
        setupMessage.managedProperty().bind(setupMessage.visibleProperty());
        failureDetails.textProperty().bind(model.detailsProperty());
        detailsPane.visibleProperty().bind(model.detailsProperty().isNotEmpty());
        detailsPane.managedProperty().bind(detailsPane.visibleProperty());
        detailsPane.expandedProperty().addListener((o, was, now) -> resize());
        model.stateProperty().addListener((o, old, now) -> {
            setupMessage.getStyleClass().removeAll("failed", "ready");
            if (now == State.FAILED) {
                setupMessage.getStyleClass().add("failed");
            } else if (now == State.READY) {
                setupMessage.getStyleClass().add("ready");
                close();
                onReady.run();
            }
            resize();
        });
        model.detailsProperty().addListener((o, old, now) -> resize());
    }

    private void resize() {
        Window window = window();
        if (window != null) {
            javafx.application.Platform.runLater(window::sizeToScene); // after the layout of what just appeared
        }
    }

    /** Whether a model is now in place. */
    boolean ready() {
        return model.ready();
    }

    @FXML
    void download() {
        model.download();
    }

    @FXML
    void cancelDownload() {
        model.cancel();
    }

    @FXML
    void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the folder with the model (it holds manifest.json)");
        File folder = chooser.showDialog(window());
        if (folder != null) {
            model.useFolder(folder.toPath());
        }
    }

    /** Closing stops a running download. */
    @FXML
    void close() {
        model.cancel();
        Window window = window();
        if (window != null) {
            window.hide();
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
