package org.imageorganizer.ui.settings;

import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.ui.SettingsStore;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.ViewLoader;

/** The settings window: categories, analysis and grouping (with an Advanced part), theme, folders and server port, Cloudinary. */
public final class SettingsDialog {
    private final SettingsStore settings;
    private final TaskExecutor executor;

    public SettingsDialog(SettingsStore settings, TaskExecutor executor) {
        this.settings = settings;
        this.executor = executor;
    }

    /** Shows the dialog and waits for it; true when the settings were saved. */
    public boolean showAndWait(Window owner) {
        SettingsDialogController controller = new SettingsDialogController(new SettingsViewModel(settings, executor), cloudinaryFromEnvironment());
        build(owner, controller).showAndWait();
        return controller.saved();
    }

    /** Shows the dialog without waiting for it (UI tests) and returns its stage. */
    public Stage show(Window owner) {
        Stage stage = build(owner, new SettingsDialogController(new SettingsViewModel(settings, executor), cloudinaryFromEnvironment()));
        stage.show();
        return stage;
    }

    private static boolean cloudinaryFromEnvironment() {
        String url = System.getenv("CLOUDINARY_URL");
        return url != null && !url.isBlank();
    }

    private static Stage build(Window owner, SettingsDialogController controller) {
        Parent root = ViewLoader.load("SettingsDialog", controller);
        Stage stage = ViewLoader.dialogStage(owner, "Settings", root);
        stage.setMinWidth(600);
        stage.setMinHeight(500);
        return stage;
    }
}
