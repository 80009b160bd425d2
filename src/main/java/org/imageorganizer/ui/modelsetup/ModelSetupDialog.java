package org.imageorganizer.ui.modelsetup;

import javafx.scene.Parent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.services.ModelSetup;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.ViewLoader;

/**
 * The first-run dialog when there is no model: download it, or choose a folder that holds one, or later. It does not
 * block the window (photos dropped meanwhile wait for the model); only one is open at a time.
 */
public final class ModelSetupDialog {
    private final ModelSetup setup;
    private final TaskExecutor executor;
    private Stage open;

    public ModelSetupDialog(ModelSetup setup, TaskExecutor executor) {
        this.setup = setup;
        this.executor = executor;
    }

    /**
     * Shows the dialog beside its owner, or brings the open one to the front, and returns its stage.
     *
     * @param onReady run on the FX thread once a model is in place (the dialog has closed then)
     */
    public Stage show(Window owner, Runnable onReady) {
        if (open != null && open.isShowing()) {
            open.toFront();
            return open;
        }
        ModelSetupViewModel model = new ModelSetupViewModel(setup, executor);
        ModelSetupDialogController controller = new ModelSetupDialogController(model, onReady);
        Parent root = ViewLoader.load("ModelSetupDialog", controller);
        Stage stage = ViewLoader.dialogStage(null, "Set Up Photo Recognition", root);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.NONE); // the window takes drops while the model downloads
        stage.setResizable(false);
        stage.setOnCloseRequest(e -> controller.close());
        open = stage;
        stage.show();
        model.readDownloadSize();
        return stage;
    }
}
