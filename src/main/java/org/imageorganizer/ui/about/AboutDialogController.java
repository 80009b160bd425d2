package org.imageorganizer.ui.about;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.imageorganizer.ui.AppIcons;

/** Fills the About dialog from its view model. */
public final class AboutDialogController {
    private final AboutViewModel model;

    @FXML VBox root;
    @FXML ImageView appIcon;
    @FXML Label appName;
    @FXML Label appVersion;
    @FXML Label licenceText;
    @FXML Hyperlink sourceLink;
    @FXML TextArea thirdPartyText;
    @FXML Label aboutMessage;
    @FXML Button openLogFolder;
    @FXML Button aboutClose;

    public AboutDialogController(AboutViewModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        AppIcons.all().stream().filter(i -> i.getWidth() == 64).findFirst().ifPresent(appIcon::setImage);
        appName.setText(model.name());
        appVersion.setText(model.version());
        licenceText.setText(model.licence());
        sourceLink.setText(model.sourceUrl());
        thirdPartyText.textProperty().bind(model.thirdPartyProperty());
        aboutMessage.textProperty().bind(model.messageProperty());
        aboutMessage.visibleProperty().bind(model.messageProperty().isNotEmpty());
        aboutMessage.managedProperty().bind(aboutMessage.visibleProperty());
        openLogFolder.setTooltip(new Tooltip(model.logFolder()));
    }

    @FXML
    void openSource() {
        model.openSource();
    }

    @FXML
    void openLogFolder() {
        model.openLogFolder();
    }

    @FXML
    void close() {
        Window window = root.getScene() == null ? null : root.getScene().getWindow();
        if (window != null) {
            window.hide();
        }
    }
}
