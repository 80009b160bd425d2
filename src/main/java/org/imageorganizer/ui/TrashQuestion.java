package org.imageorganizer.ui;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The question before Move to Trash, wherever the window asks it: the sentence, every file that will go
 * (a list, style class {@code trash-files}), Cancel as the default button so that Enter never trashes by
 * accident. FX thread.
 */
public final class TrashQuestion {
    private TrashQuestion() {
    }

    /** @return true when the user chose {@code action} */
    public static boolean ask(Window owner, String header, String text, List<String> files, String action) {
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
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Move to Trash");
        alert.setHeaderText(header);
        alert.getDialogPane().setMinWidth(460);
        if (alert.getDialogPane().getScene().getWindow() instanceof Stage stage) {
            AppIcons.apply(stage);
        }
        ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }
}
