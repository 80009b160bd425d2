package org.imageorganizer.ui.webaccess;

import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.ui.ViewLoader;

/**
 * Server → Web Access…: starts and stops the server with its web page, shows the address (Open in Browser, Copy),
 * and lets other devices on the network in with an access key. The server keeps running when the dialog closes.
 */
public final class WebAccessDialog {
    private final WebAccessViewModel model;

    /** @param model the window's one view model, so that the dialog shows the server as it is */
    public WebAccessDialog(WebAccessViewModel model) {
        this.model = model;
    }

    /** Opens the dialog (without waiting for it) and returns its stage. */
    public Stage show(Window owner) {
        Parent root = ViewLoader.load("WebAccessDialog", new WebAccessDialogController(model));
        Stage stage = ViewLoader.dialogStage(owner, "Web Access", root);
        stage.setResizable(false);
        model.load();
        stage.show();
        return stage;
    }
}
