package org.imageorganizer.ui.preview;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.SystemShell;
import org.imageorganizer.ui.preview.PreviewViewModel.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the viewer's controls to its view model and places the picture as its {@link PictureZoom} says.
 * Keys: Left / Right (Page Up / Down) move through the list, F11 or Enter toggle full screen, Escape
 * leaves full screen and then closes, + / - zoom, 0 is 1:1, F fits; the mouse wheel zooms at the
 * pointer, a drag pans a zoomed photo, a double click switches between fit and 1:1.
 */
public final class PreviewDialogController {
    private static final Logger LOG = LoggerFactory.getLogger(PreviewDialogController.class);
    /** The wheel's delta of one notch, as JavaFX reports it. */
    private static final double NOTCH = 40;

    private final PreviewViewModel model;
    private final Consumer<ImageRecord> showSimilar;
    private double dragX;
    private double dragY;

    @FXML BorderPane root;
    @FXML StackPane imagePane;
    @FXML Pane viewport;
    @FXML ImageView previewImage;
    @FXML ProgressIndicator loadingIndicator;
    @FXML Label missingMessage;
    @FXML HBox zoomBar;
    @FXML Label zoomLabel;
    @FXML Button zoomInButton;
    @FXML Button zoomOutButton;
    @FXML Button fitButton;
    @FXML Button actualSizeButton;
    @FXML Button fullScreenButton;
    @FXML ScrollPane detailsPane;
    @FXML Label titleLabel;
    @FXML Label objectLabel;
    @FXML Label backgroundLabel;
    @FXML Label takenLabel;
    @FXML Label cameraLabel;
    @FXML Label dimensionsLabel;
    @FXML Label sizeLabel;
    @FXML Label formatLabel;
    @FXML TextArea locationText;
    @FXML Button copyPathButton;
    @FXML Label addedLabel;
    @FXML Label actionMessage;
    @FXML HBox buttonBar;
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
        bindPicture();
        bindDetails();
        bindButtons();
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
                scene.windowProperty().addListener((w, was, window) -> watchFullScreen(window));
                watchFullScreen(scene.getWindow());
            }
        });
    }

    private void bindPicture() {
        previewImage.imageProperty().bind(model.pictureProperty());
        previewImage.visibleProperty().bind(model.pictureProperty().isNotNull());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        PictureZoom zoom = model.zoom();
        InvalidationListener area = o -> zoom.setArea(viewport.getWidth(), viewport.getHeight());
        viewport.widthProperty().addListener(area);
        viewport.heightProperty().addListener(area);
        InvalidationListener place = o -> placePicture();
        for (javafx.beans.Observable dependency : zoom.dependencies()) {
            dependency.addListener(place);
        }
        model.pictureProperty().addListener(place);
        loadingIndicator.visibleProperty().bind(model.stateProperty().isEqualTo(State.LOADING)
                .or(model.sharpeningProperty()));
        missingMessage.textProperty().bind(model.messageProperty());
        missingMessage.visibleProperty().bind(model.stateProperty().isEqualTo(State.MISSING)
                .or(model.stateProperty().isEqualTo(State.FAILED)));
        zoomBar.visibleProperty().bind(model.pictureProperty().isNotNull());
        zoomLabel.textProperty().bind(zoom.zoomTextBinding());

        viewport.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0 && model.pictureProperty().get() != null) {
                zoom.zoomAt(Math.pow(PictureZoom.STEP, Math.max(-3, Math.min(3, e.getDeltaY() / NOTCH))), e.getX(), e.getY());
                e.consume();
            }
        });
        viewport.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragY = e.getY();
            if (zoom.canPan()) {
                viewport.setCursor(Cursor.CLOSED_HAND);
            }
        });
        viewport.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            zoom.panBy(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
        });
        viewport.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> grabCursor());
        viewport.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                if (zoom.fittingProperty().get()) {
                    zoom.zoomAt(1 / zoom.shownScale(), e.getX(), e.getY());
                } else {
                    zoom.fit();
                }
            }
        });
    }

    /** Puts the picture where the zoom says, at the size it says (whatever the picture's own pixels). */
    private void placePicture() {
        PictureZoom zoom = model.zoom();
        double scale = zoom.shownScale();
        previewImage.setFitWidth(scale * photoWidth());
        previewImage.setFitHeight(scale * photoHeight());
        // the photo's own pixels blown up twice or more: each is shown as a square, not smeared
        Image shown = model.pictureProperty().get();
        boolean ownPixels = shown != null && shown.getWidth() == photoWidth();
        previewImage.setSmooth(!ownPixels || scale < 2);
        previewImage.setLayoutX(Math.round(zoom.left()));
        previewImage.setLayoutY(Math.round(zoom.top()));
        grabCursor();
    }

    private double photoWidth() {
        ImageRecord image = model.imageProperty().get();
        return image == null || image.width() <= 0 ? 1 : image.width();
    }

    private double photoHeight() {
        ImageRecord image = model.imageProperty().get();
        return image == null || image.height() <= 0 ? 1 : image.height();
    }

    private void grabCursor() {
        viewport.setCursor(model.zoom().canPan() ? Cursor.OPEN_HAND : Cursor.DEFAULT);
    }

    private void bindDetails() {
        titleLabel.textProperty().bind(model.titleProperty());
        objectLabel.textProperty().bind(model.objectTextProperty());
        backgroundLabel.textProperty().bind(model.backgroundTextProperty());
        takenLabel.textProperty().bind(model.takenTextProperty());
        cameraLabel.textProperty().bind(model.cameraTextProperty());
        dimensionsLabel.textProperty().bind(model.dimensionsTextProperty());
        sizeLabel.textProperty().bind(model.sizeTextProperty());
        formatLabel.textProperty().bind(model.formatTextProperty());
        locationText.textProperty().bind(model.locationTextProperty());
        addedLabel.textProperty().bind(model.addedTextProperty());
        positionLabel.textProperty().bind(model.positionTextProperty());
    }

    private void bindButtons() {
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
    }

    /** Full screen shows the photo alone, on black; Escape is ours (it leaves full screen, then closes). */
    private void watchFullScreen(Window window) {
        if (!(window instanceof Stage stage) || stage.getProperties().containsKey(PreviewDialogController.class)) {
            return;
        }
        stage.getProperties().put(PreviewDialogController.class, Boolean.TRUE);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("Press Esc or F11 to leave full screen");
        stage.fullScreenProperty().addListener((o, was, full) -> showChrome(!full));
        showChrome(!stage.isFullScreen());
    }

    private void showChrome(boolean shown) {
        detailsPane.setVisible(shown);
        detailsPane.setManaged(shown);
        buttonBar.setVisible(shown);
        buttonBar.setManaged(shown);
        fullScreenButton.setText(shown ? "Full Screen" : "Leave Full Screen");
        if (shown) {
            root.getStyleClass().remove("full-screen");
        } else if (!root.getStyleClass().contains("full-screen")) {
            root.getStyleClass().add("full-screen");
        }
    }

    private void keyPressed(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            if (stage().map(Stage::isFullScreen).orElse(false)) {
                stage().ifPresent(s -> s.setFullScreen(false));
            } else {
                close();
            }
            e.consume();
            return;
        }
        if (e.getCode() == KeyCode.F11) {
            toggleFullScreen();
            e.consume();
            return;
        }
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return; // the path's text: the keys select and copy
        }
        if (handled(e.getCode())) {
            e.consume();
        }
    }

    private boolean handled(KeyCode code) {
        PictureZoom zoom = model.zoom();
        switch (code) {
            case LEFT, PAGE_UP -> model.previous();
            case RIGHT, PAGE_DOWN -> model.next();
            case ENTER -> toggleFullScreen();
            case PLUS, ADD, EQUALS -> zoom.zoomIn();
            case MINUS, SUBTRACT -> zoom.zoomOut();
            case DIGIT0, NUMPAD0 -> zoom.actualSize();
            case F -> zoom.fit();
            default -> {
                return false;
            }
        }
        return true;
    }

    private Optional<Stage> stage() {
        Scene scene = root.getScene();
        return scene != null && scene.getWindow() instanceof Stage stage ? Optional.of(stage) : Optional.empty();
    }

    @FXML
    void toggleFullScreen() {
        stage().ifPresent(stage -> stage.setFullScreen(!stage.isFullScreen()));
    }

    @FXML
    void zoomIn() {
        model.zoom().zoomIn();
    }

    @FXML
    void zoomOut() {
        model.zoom().zoomOut();
    }

    @FXML
    void fit() {
        model.zoom().fit();
    }

    @FXML
    void actualSize() {
        model.zoom().actualSize();
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
    void copyPath() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.locationTextProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
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
        stage().ifPresent(stage -> {
            stage.setFullScreen(false);
            stage.hide();
        });
    }
}
