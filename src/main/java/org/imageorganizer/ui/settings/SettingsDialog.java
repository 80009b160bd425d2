package org.imageorganizer.ui.settings;

import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.ui.DesktopServices;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.Views;

/** The settings window: labels, analysis and clustering, folders and server port. */
public final class SettingsDialog {
    private final DesktopServices services;
    private final TaskExecutor executor;

    public SettingsDialog(DesktopServices services, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
    }

    /** Shows the dialog and waits for it; true when the settings were saved. */
    public boolean showAndWait(Window owner) {
        SettingsDialogController controller = new SettingsDialogController(new SettingsViewModel(services, executor));
        build(owner, controller).showAndWait();
        return controller.saved();
    }

    /** Shows the dialog without waiting for it (UI tests) and returns its stage. */
    public Stage show(Window owner) {
        Stage stage = build(owner, new SettingsDialogController(new SettingsViewModel(services, executor)));
        stage.show();
        return stage;
    }

    private static Stage build(Window owner, SettingsDialogController controller) {
        Parent root = Views.load("SettingsDialog", controller);
        Stage stage = Views.dialogStage(owner, "Settings", root);
        stage.setMinWidth(560);
        stage.setMinHeight(480);
        return stage;
    }
}
