package org.imageorganizer.ui.duplicates;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.ui.AppIcons;

/** The Duplicates view's questions as alerts owned by its window; the trash question lists every file. */
final class AlertPrompts implements DuplicatesPrompts {
    private final Window owner;

    AlertPrompts(Window owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirmRemove(String header, String text, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, yes, new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE));
        prepare(alert, "Remove from Library", header);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public boolean confirmTrash(String header, String text, List<String> files, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", yes, no);
        Label sentence = new Label(text);
        sentence.setWrapText(true);
        ListView<String> list = new ListView<>(FXCollections.observableArrayList(files));
        list.getStyleClass().add("trash-files");
        list.setPrefHeight(Math.min(260, 28 + 24 * files.size()));
        list.setFocusTraversable(false);
        VBox content = new VBox(10, sentence, list);
        content.setPrefWidth(620);
        alert.getDialogPane().setContent(content);
        prepare(alert, "Move to Trash", header);
        // Cancel is the default: Enter never trashes by accident
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    private void prepare(Alert alert, String title, String header) {
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setMinWidth(460);
        if (alert.getDialogPane().getScene().getWindow() instanceof Stage stage) {
            AppIcons.apply(stage);
        }
    }
}
