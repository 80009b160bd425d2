package org.imageorganizer.ui.main;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.DesktopServices;
import org.imageorganizer.ui.TaskExecutor;

/** The application's dialogs. */
public final class StandardDialogs implements Dialogs {
    private final DesktopServices services;
    private final TaskExecutor executor;

    public StandardDialogs(DesktopServices services, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
    }

    @Override
    public void preview(Window owner, ImageRecord image, List<ImageRecord> neighbours) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle(image.fileName());
        alert.setHeaderText(image.fileName());
        alert.setContentText(image.classification().object().name() + " · " + image.classification().background().name()
                + "\n" + image.width() + " × " + image.height() + "\n" + image.location());
        alert.show();
    }

    @Override
    public boolean settings(Window owner) {
        problem(owner, "Settings", "The settings file is " + "settings.json in the configuration folder.");
        return false;
    }

    @Override
    public void about(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("About AI Image Organizer");
        alert.setHeaderText("AI Image Organizer " + services.build().version());
        alert.setContentText("GNU Affero General Public License v3.0 or later.\nSource: " + services.build().sourceUrl());
        alert.showAndWait();
    }

    @Override
    public boolean modelSetup(Window owner) {
        problem(owner, "No model", "Start the application once with a network connection, or set a model folder in the settings.");
        return false;
    }

    @Override
    public boolean confirmRemove(Window owner, int count) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "Remove " + (count == 1 ? "this photo" : count + " photos") + " from the library? The file stays on your disk.",
                ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setHeaderText(null);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public void problem(Window owner, String title, String sentence) {
        Alert alert = new Alert(Alert.AlertType.WARNING, sentence, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.show();
    }
}
