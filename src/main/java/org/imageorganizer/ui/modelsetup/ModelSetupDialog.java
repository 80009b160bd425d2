package org.imageorganizer.ui.modelsetup;

import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.services.ModelSetup;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.ViewLoader;

/** The first-run dialog when there is no model: download it, or choose a folder that holds one. */
public final class ModelSetupDialog {
    private final ModelSetup setup;
    private final TaskExecutor executor;

    public ModelSetupDialog(ModelSetup setup, TaskExecutor executor) {
        this.setup = setup;
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
        return new ModelSetupDialogController(new ModelSetupViewModel(setup, executor));
    }

    private static Stage build(Window owner, ModelSetupDialogController controller) {
        Parent root = ViewLoader.load("ModelSetupDialog", controller);
        Stage stage = ViewLoader.dialogStage(owner, "Get the CLIP model", root);
        stage.setResizable(false);
        stage.setOnCloseRequest(e -> controller.close());
        return stage;
    }
}
