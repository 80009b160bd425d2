package org.imageorganizer.ui.main;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.imageorganizer.ui.AppIcons;
import org.imageorganizer.ui.DesktopServices;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.grid.ThumbnailLoader;
import org.imageorganizer.ui.importing.ImportViewModel;
import org.imageorganizer.ui.library.LibraryViewModel;
import org.imageorganizer.ui.sync.SyncViewModel;

/**
 * Builds the main window on a stage: view models, FXML with its controller, style sheet, icon, and
 * the size, position and divider it had last time.
 */
public final class DesktopWindow {
    private final DesktopServices services;
    private final TaskExecutor executor;
    private final Dialogs dialogs;
    private ThumbnailLoader thumbnails;
    private MainWindowController controller;
    private WindowPlacement placement;

    public DesktopWindow(DesktopServices services, TaskExecutor executor, Dialogs dialogs) {
        this.services = services;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /** Fills the stage and shows it. */
    public MainWindowController show(Stage stage) {
        thumbnails = new ThumbnailLoader(services, 2);
        ImportViewModel imports = new ImportViewModel(services, executor);
        LibraryViewModel library = new LibraryViewModel(services, executor);
        SyncViewModel backup = new SyncViewModel(services, executor);
        FXMLLoader loader = new FXMLLoader(MainWindowController.class.getResource("MainWindow.fxml"));
        loader.setControllerFactory(type -> {
            if (type == MainWindowController.class) {
                return new MainWindowController(services, executor, imports, library, backup, thumbnails, dialogs);
            }
            throw new IllegalArgumentException("no controller " + type);
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The main window's layout is missing or broken", e);
        }
        controller = loader.getController();
        Scene scene = new Scene(root);
        scene.getStylesheets().add(MainWindowController.class.getResource("MainWindow.css").toExternalForm());
        stage.setTitle("AI Image Organizer");
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        AppIcons.apply(stage);
        placement = new WindowPlacement(stage, controller.split());
        placement.restore(new WindowStateStore(services.windowStateFile()).load());
        stage.show();
        return controller;
    }

    /** Remembers where the window was (a small file, written at once) and stops its background work (thumbnails, refreshes). */
    public void close() {
        if (controller != null) {
            controller.stop();
        }
        if (placement != null) {
            new WindowStateStore(services.windowStateFile()).save(placement.current());
            placement = null;
        }
        if (thumbnails != null) {
            thumbnails.close();
        }
    }
}
