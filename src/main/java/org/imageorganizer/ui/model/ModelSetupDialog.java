package org.imageorganizer.ui.model;

import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.ui.DesktopServices;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.Views;

/** The first-run dialog when there is no model: download it, or choose a folder that holds one. */
public final class ModelSetupDialog {
    private final DesktopServices services;
    private final TaskExecutor executor;

    public ModelSetupDialog(DesktopServices services, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
    }

    /** Shows the dialog and waits for it; true when a model is now in place. */
    public boolean showAndWait(Window owner) {
        ModelSetupDialogController controller = controller();
        build(owner, controller).showAndWait();
        return controller.ready();
    }

    /** Shows the dialog without waiting for it (UI tests) and returns its stage. */
    public Stage show(Window owner) {
        Stage stage = build(owner, controller());
        stage.show();
        return stage;
    }

    private ModelSetupDialogController controller() {
        return new ModelSetupDialogController(new ModelSetupViewModel(services.modelSetup(), executor));
    }

    private static Stage build(Window owner, ModelSetupDialogController controller) {
        Parent root = Views.load("ModelSetupDialog", controller);
        Stage stage = Views.dialogStage(owner, "Get the CLIP model", root);
        stage.setResizable(false);
        stage.setOnCloseRequest(e -> controller.close());
        return stage;
    }
}
