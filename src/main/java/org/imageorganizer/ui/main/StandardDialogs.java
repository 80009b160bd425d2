package org.imageorganizer.ui.main;

import org.imageorganizer.ui.RemovalQuestion;
import org.imageorganizer.ui.TrashQuestion;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.AppIcons;
import org.imageorganizer.ui.WindowServices;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.about.AboutDialog;
import org.imageorganizer.ui.categories.CategoriesDialog;
import org.imageorganizer.ui.modelsetup.ModelSetupDialog;
import org.imageorganizer.ui.preview.PreviewDialog;
import org.imageorganizer.ui.settings.SettingsDialog;
import org.imageorganizer.ui.theme.AppTheme;

/** The application's dialogs: the views of their own, and alerts for questions and problems. */
public final class StandardDialogs implements MainWindowDialogs {
    private final WindowServices services;
    private final TaskExecutor executor;
    private final AppTheme theme;
    private final ModelSetupDialog modelSetup;

    /** Dialogs whose saved settings change nothing of the look (tests). */
    public StandardDialogs(WindowServices services, TaskExecutor executor) {
        this(services, executor, null);
    }

    /** Dialogs with the window's theme, which follows a saved theme setting at once ({@code theme} may be null). */
    public StandardDialogs(WindowServices services, TaskExecutor executor, AppTheme theme) {
        this.services = services;
        this.executor = executor;
        this.theme = theme;
        this.modelSetup = new ModelSetupDialog(services.model(), executor);
    }

    @Override
    public void preview(Window owner, ImageRecord image, List<ImageRecord> neighbours) {
        new PreviewDialog(services.files(), executor).show(owner, image, neighbours);
    }

    @Override
    public void preview(Window owner, ImageRecord image, List<ImageRecord> neighbours, Consumer<ImageRecord> showSimilar) {
        new PreviewDialog(services.files(), executor).show(owner, image, neighbours, showSimilar, null);
    }

    @Override
    public void preview(Window owner, ImageRecord image, List<ImageRecord> neighbours, Consumer<ImageRecord> showSimilar,
            Consumer<ImageRecord> closed) {
        new PreviewDialog(services.files(), executor).show(owner, image, neighbours, showSimilar, closed);
    }

    @Override
    public boolean settings(Window owner) {
        boolean saved = new SettingsDialog(services.settings(), executor).showAndWait(owner);
        if (saved && theme != null) {
            theme.follow(services.settings()); // a changed theme applies without a restart
        }
        return saved;
    }

    @Override
    public boolean categories(Window owner) {
        return new CategoriesDialog(services.sorting(), executor).showAndWait(owner);
    }

    @Override
    public void about(Window owner) {
        new AboutDialog(services.build(), services.paths().logFile(), executor).show(owner);
    }

    @Override
    public void modelSetup(Window owner, Runnable onReady) {
        modelSetup.show(owner, onReady);
    }

    @Override
    public boolean confirmTrash(Window owner, String header, String text, List<String> files, String action) {
        return TrashQuestion.ask(owner, header, text, files, action);
    }

    @Override
    public boolean confirmRemove(Window owner, List<ImageRecord> images) {
        return RemovalQuestion.ask(owner, images);
    }

    @Override
    public void problem(Window owner, String title, String sentence) {
        Alert alert = new Alert(Alert.AlertType.WARNING, sentence, ButtonType.OK);
        prepare(alert, owner, title);
        alert.setTitle(title);
        alert.show();
    }

    private static void prepare(Alert alert, Window owner, String header) {
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setHeaderText(header);
        alert.getDialogPane().setMinWidth(420);
        if (alert.getDialogPane().getScene().getWindow() instanceof Stage stage) {
            AppIcons.apply(stage);
        }
    }
}
