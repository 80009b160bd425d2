package org.imageorganizer.ui.webaccess;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.imageorganizer.ui.webaccess.WebAccessViewModel.Status;

/** Binds the Web Access dialog to its view model; Copy puts an address or the key on the clipboard. */
public final class WebAccessDialogController {
    private final WebAccessViewModel model;

    @FXML VBox root;
    @FXML Label statusLabel;
    @FXML Button startButton;
    @FXML Button stopButton;
    @FXML VBox addressBox;
    @FXML TextField addressField;
    @FXML Button openButton;
    @FXML Button copyAddressButton;
    @FXML VBox networkAddressBox;
    @FXML TextField networkAddressField;
    @FXML Button copyNetworkAddressButton;
    @FXML CheckBox localNetworkBox;
    @FXML VBox networkBox;
    @FXML TextField keyField;
    @FXML Button copyKeyButton;
    @FXML Button createKeyButton;
    @FXML Label warning;
    @FXML Label messageLabel;

    public WebAccessDialogController(WebAccessViewModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        statusLabel.textProperty().bind(Bindings.createStringBinding(() -> switch (model.statusProperty().get()) {
            case LOADING -> "…";
            case STOPPED -> "Web access is off.";
            case STARTING -> "Starting…";
            case RUNNING -> model.openToNetworkProperty().get() ? "Web access is on for this computer and your network."
                    : "Web access is on for this computer.";
            case STOPPING -> "Stopping…";
        }, model.statusProperty(), model.openToNetworkProperty()));
        model.statusProperty().addListener((o, was, now) -> {
            statusLabel.getStyleClass().remove("on");
            if (now == Status.RUNNING) {
                statusLabel.getStyleClass().add("on");
            }
            resize();
        });
        startButton.disableProperty().bind(model.canStartProperty().not());
        startButton.visibleProperty().bind(model.statusProperty().isNotEqualTo(Status.RUNNING));
        startButton.managedProperty().bind(startButton.visibleProperty());
        stopButton.visibleProperty().bind(model.statusProperty().isEqualTo(Status.RUNNING));
        stopButton.managedProperty().bind(stopButton.visibleProperty());
        addressField.textProperty().bind(model.addressProperty());
        addressBox.visibleProperty().bind(model.addressProperty().isNotEmpty());
        addressBox.managedProperty().bind(addressBox.visibleProperty());
        networkAddressField.textProperty().bind(model.networkAddressProperty());
        networkAddressBox.visibleProperty().bind(model.networkAddressProperty().isNotEmpty());
        networkAddressBox.managedProperty().bind(networkAddressBox.visibleProperty());
        localNetworkBox.selectedProperty().bindBidirectional(model.localNetworkProperty());
        localNetworkBox.disableProperty().bind(model.statusProperty().isEqualTo(Status.LOADING));
        networkBox.visibleProperty().bind(model.localNetworkProperty());
        networkBox.managedProperty().bind(networkBox.visibleProperty());
        keyField.textProperty().bind(model.accessKeyProperty());
        copyKeyButton.disableProperty().bind(model.accessKeyProperty().isEmpty());
        createKeyButton.textProperty().bind(Bindings.when(model.accessKeyProperty().isEmpty())
                .then("Create Key").otherwise("New Key"));
        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.visibleProperty().bind(model.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        model.localNetworkProperty().addListener((o, was, now) -> resize());
        model.networkAddressProperty().addListener((o, was, now) -> resize());
        model.messageProperty().addListener((o, was, now) -> resize());
    }

    private void resize() {
        Window window = root.getScene() == null ? null : root.getScene().getWindow();
        if (window != null) {
            javafx.application.Platform.runLater(window::sizeToScene); // after the layout of what just appeared
        }
    }

    @FXML
    void start() {
        model.start();
    }

    @FXML
    void stop() {
        model.stop();
    }

    @FXML
    void openInBrowser() {
        model.openInBrowser();
    }

    @FXML
    void copyAddress() {
        copy(model.addressProperty().get(), copyAddressButton);
    }

    @FXML
    void copyNetworkAddress() {
        copy(model.networkAddressProperty().get(), copyNetworkAddressButton);
    }

    @FXML
    void copyKey() {
        copy(model.accessKeyProperty().get(), copyKeyButton);
    }

    @FXML
    void createKey() {
        model.createKey();
    }

    /** Puts the text on the clipboard; the button says "Copied" for a moment. */
    private static void copy(String text, Button button) {
        if (text.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        String label = button.getText().startsWith("Copied") ? button.getUserData().toString() : button.getText();
        button.setUserData(label);
        button.setText("Copied");
        PauseTransition back = new PauseTransition(Duration.seconds(1.5));
        back.setOnFinished(e -> button.setText(label));
        back.play();
    }

    @FXML
    void close() {
        Window window = root.getScene() == null ? null : root.getScene().getWindow();
        if (window != null) {
            window.hide();
        }
    }
}
