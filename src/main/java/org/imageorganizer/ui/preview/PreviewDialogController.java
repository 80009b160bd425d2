package org.imageorganizer.ui.preview;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.value.ObservableDoubleValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.SystemShell;
import org.imageorganizer.ui.preview.PreviewViewModel.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the preview's controls to its view model; arrow keys move through the list, Escape closes. */
public final class PreviewDialogController {
    private static final Logger LOG = LoggerFactory.getLogger(PreviewDialogController.class);
    private static final double PADDING = 16;

    private final PreviewViewModel model;
    private final Consumer<ImageRecord> showSimilar;

    @FXML BorderPane root;
    @FXML StackPane imagePane;
    @FXML ImageView previewImage;
    @FXML ProgressIndicator loadingIndicator;
    @FXML Label missingMessage;
    @FXML Label titleLabel;
    @FXML Label objectLabel;
    @FXML Label backgroundLabel;
    @FXML Label dimensionsLabel;
    @FXML Label sizeLabel;
    @FXML Label formatLabel;
    @FXML Label locationLabel;
    @FXML Label addedLabel;
    @FXML Label actionMessage;
    @FXML Label positionLabel;
    @FXML Button previousButton;
    @FXML Button nextButton;
    @FXML Button similarButton;
    @FXML Button openButton;
    @FXML Button showInFolderButton;
    @FXML Button closeButton;

    public PreviewDialogController(PreviewViewModel model) {
        this(model, null);
    }

    /** @param showSimilar shows the photos like the one previewed in the main window (null: no Show Similar) */
    public PreviewDialogController(PreviewViewModel model, Consumer<ImageRecord> showSimilar) {
        this.model = model;
        this.showSimilar = showSimilar;
    }

    @FXML
    void initialize() {
        previewImage.imageProperty().bind(model.pictureProperty());
        // fit the pane, but never enlarge a small picture
        previewImage.fitWidthProperty().bind(fit(imagePane.widthProperty(), true));
        previewImage.fitHeightProperty().bind(fit(imagePane.heightProperty(), false));
        previewImage.visibleProperty().bind(model.stateProperty().isEqualTo(State.SHOWN));
        loadingIndicator.visibleProperty().bind(model.stateProperty().isEqualTo(State.LOADING));
        missingMessage.textProperty().bind(model.messageProperty());
        missingMessage.visibleProperty().bind(model.stateProperty().isEqualTo(State.MISSING)
                .or(model.stateProperty().isEqualTo(State.FAILED)));

        titleLabel.textProperty().bind(model.titleProperty());
        objectLabel.textProperty().bind(model.objectTextProperty());
        backgroundLabel.textProperty().bind(model.backgroundTextProperty());
        dimensionsLabel.textProperty().bind(model.dimensionsTextProperty());
        sizeLabel.textProperty().bind(model.sizeTextProperty());
        formatLabel.textProperty().bind(model.formatTextProperty());
        locationLabel.textProperty().bind(model.locationTextProperty());
        Tooltip locationTip = new Tooltip();
        locationTip.textProperty().bind(model.locationTextProperty());
        locationLabel.setTooltip(locationTip);
        addedLabel.textProperty().bind(model.addedTextProperty());
        positionLabel.textProperty().bind(model.positionTextProperty());

        previousButton.disableProperty().bind(model.hasPreviousProperty().not());
        nextButton.disableProperty().bind(model.hasNextProperty().not());
        boolean single = !model.hasPreviousProperty().get() && !model.hasNextProperty().get();
        previousButton.setVisible(!single);
        nextButton.setVisible(!single);
        openButton.disableProperty().bind(model.hasLocalFileProperty().not()
                .or(model.stateProperty().isEqualTo(State.MISSING)));
        showInFolderButton.disableProperty().bind(model.hasLocalFileProperty().not()
                .or(model.stateProperty().isEqualTo(State.MISSING)));
        model.imageProperty().addListener((o, old, now) -> actionMessage.setText(""));
        similarButton.setVisible(showSimilar != null);
        similarButton.setManaged(showSimilar != null);

        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case LEFT, PAGE_UP -> {
                    model.previous();
                    e.consume();
                }
                case RIGHT, PAGE_DOWN -> {
                    model.next();
                    e.consume();
                }
                default -> {
                }
            }
        });
    }

    private DoubleBinding fit(ObservableDoubleValue paneSide, boolean width) {
        return Bindings.createDoubleBinding(() -> {
            double available = Math.max(1, paneSide.get() - PADDING);
            Image picture = model.pictureProperty().get();
            if (picture == null) {
                return available;
            }
            return Math.min(available, width ? picture.getWidth() : picture.getHeight());
        }, paneSide, model.pictureProperty());
    }

    @FXML
    void previous() {
        model.previous();
    }

    @FXML
    void next() {
        model.next();
    }

    @FXML
    void open() {
        withLocalFile(file -> SystemShell.open(file), "open");
    }

    @FXML
    void showInFolder() {
        withLocalFile(file -> SystemShell.showInFolder(file), "show");
    }

    private interface FileAction {
        void run(Path file) throws IOException;
    }

    private void withLocalFile(FileAction action, String verb) {
        Optional<Path> file = model.localFile();
        if (file.isEmpty()) {
            actionMessage.setText("This photo is not a file on this computer.");
            return;
        }
        try {
            action.run(file.get());
            actionMessage.setText("");
        } catch (IOException e) {
            LOG.info("Cannot {} {}: {}", verb, file.get(), e.toString());
            actionMessage.setText("The desktop could not " + verb + " the file (is a file manager installed?).");
        }
    }

    /** Shows the photos like this one in the main window's grid, and closes the preview. */
    @FXML
    void showSimilar() {
        ImageRecord image = model.imageProperty().get();
        if (showSimilar != null && image != null) {
            showSimilar.accept(image);
            close();
        }
    }

    @FXML
    void close() {
        model.close();
        Window window = root.getScene() == null ? null : root.getScene().getWindow();
        if (window != null) {
            window.hide();
        }
    }
}
