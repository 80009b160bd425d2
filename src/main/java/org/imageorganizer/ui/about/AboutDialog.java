package org.imageorganizer.ui.about;

import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import java.nio.file.Path;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.ViewLoader;

/** Name, version, licence and source link, the bundled third-party licences, and the log folder. */
public final class AboutDialog {
    private final BuildInfo build;
    private final Path logFile;
    private final TaskExecutor executor;

    public AboutDialog(BuildInfo build, Path logFile, TaskExecutor executor) {
        this.build = build;
        this.logFile = logFile;
        this.executor = executor;
    }

    /** Opens the dialog (without waiting for it) and returns its stage. */
    public Stage show(Window owner) {
        AboutViewModel model = new AboutViewModel(build, logFile, executor,
                AboutViewModel.DesktopShell.SYSTEM);
        Parent root = ViewLoader.load("AboutDialog", new AboutDialogController(model));
        Stage stage = ViewLoader.dialogStage(owner, "About AI Image Organizer", root);
        stage.setMinWidth(480);
        stage.setMinHeight(420);
        model.loadThirdParty(AboutViewModel::readThirdPartyResource);
        stage.show();
        return stage;
    }
}
