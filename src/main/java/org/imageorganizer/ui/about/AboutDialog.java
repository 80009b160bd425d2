package org.imageorganizer.ui.about;

import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.ui.DesktopServices;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.Views;

/** Name, version, licence and source link, the bundled third-party licences, and the log folder. */
public final class AboutDialog {
    private final DesktopServices services;
    private final TaskExecutor executor;

    public AboutDialog(DesktopServices services, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
    }

    /** Opens the dialog (without waiting for it) and returns its stage. */
    public Stage show(Window owner) {
        AboutViewModel model = new AboutViewModel(services.build(), services.logFile(), executor,
                AboutViewModel.DesktopShell.SYSTEM);
        Parent root = Views.load("AboutDialog", new AboutDialogController(model));
        Stage stage = Views.dialogStage(owner, "About AI Image Organizer", root);
        stage.setMinWidth(480);
        stage.setMinHeight(420);
        model.loadThirdParty(AboutViewModel::readThirdPartyResource);
        stage.show();
        return stage;
    }
}
