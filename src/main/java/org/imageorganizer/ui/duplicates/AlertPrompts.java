package org.imageorganizer.ui.duplicates;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.ui.AppIcons;
import org.imageorganizer.ui.TrashQuestion;

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
        return TrashQuestion.ask(owner, header, text, files, action);
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
