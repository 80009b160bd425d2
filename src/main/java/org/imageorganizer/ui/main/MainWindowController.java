package org.imageorganizer.ui.main;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.imageorganizer.ui.EmbeddedServer;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.SettingsStore;
import org.imageorganizer.ui.SystemShell;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.dnd.DropAdapter;
import org.imageorganizer.ui.importing.ImportViewModel;
import org.imageorganizer.ui.library.LibraryViewModel;
import org.imageorganizer.ui.library.PhotoDrag;
import org.imageorganizer.ui.sorting.SortingViewModel;
import org.imageorganizer.ui.sync.SyncViewModel;

/**
 * The main window (MainWindow.fxml): the menus (Edit → Undo takes back the last move of photos, Settings →
 * Categories… edits the library's categories and sorts it again), drops on the window, the REST server switch and the
 * notice line. The sidebar, the grid, the import bar and the backup bar are views of their own
 * (included), each with its controller and view model.
 */
public final class MainWindowController {
    private final TaskExecutor executor;
    private final ImportViewModel imports;
    private final LibraryViewModel library;
    private final SyncViewModel backup;
    private final Notices notices;
    private final EmbeddedServer server;
    private final SettingsStore settings;
    private final Path logFile;
    private final MainWindowDialogs dialogs;
    private final SortingViewModel sorting;

    @FXML BorderPane root;
    @FXML SplitPane split;
    @FXML CheckMenuItem serverItem;
    @FXML MenuItem backupItem;
    @FXML MenuItem serverUrlItem;
    @FXML HBox noticeBar;
    @FXML Label notice;
    @FXML MenuItem duplicatesItem;
    @FXML MenuItem undoItem;
    @FXML MenuItem redoItem;
    private Runnable onShowDuplicates = () -> { };

    /**
     * @param logFile the log file Help → Open the Log File opens
     */
    public MainWindowController(TaskExecutor executor, ImportViewModel imports, LibraryViewModel library,
            SyncViewModel backup, Notices notices, EmbeddedServer server, SettingsStore settings, Path logFile,
            MainWindowDialogs dialogs, SortingViewModel sorting) {
        this.executor = executor;
        this.imports = imports;
        this.library = library;
        this.backup = backup;
        this.notices = notices;
        this.server = server;
        this.settings = settings;
        this.logFile = logFile;
        this.dialogs = dialogs;
        this.sorting = sorting;
    }

    @FXML
    void initialize() {
        root.setOnDragOver(DropAdapter::acceptIfFiles);
        root.setOnDragEntered(e -> {
            if (!PhotoDrag.carriesPhotos(e.getDragboard())) { // photos dragged to the tree are not an import
                root.getStyleClass().add("drop-target");
            }
        });
        root.setOnDragExited(e -> root.getStyleClass().remove("drop-target"));
        root.setOnDragDropped(e -> {
            List<Path> paths = DropAdapter.paths(e);
            e.setDropCompleted(!paths.isEmpty());
            e.consume();
            imports.start(paths);
        });
        backupItem.disableProperty().bind(backup.availableProperty().not().or(backup.runningProperty()));
        notice.textProperty().bind(notices.messageProperty());
        noticeBar.visibleProperty().bind(notices.messageProperty().isNotEmpty());
        noticeBar.managedProperty().bind(noticeBar.visibleProperty());
        undoItem.textProperty().bind(sorting.undoTextProperty());
        undoItem.disableProperty().bind(sorting.canUndoProperty().not());
        redoItem.textProperty().bind(sorting.redoTextProperty());
        redoItem.disableProperty().bind(sorting.canRedoProperty().not());
        imports.setOnModelMissing(this::offerModel);
    }

    /**
     * There is no recognition model (found at start): drops wait for it, and the first-run dialog offers to get it.
     */
    public void modelMissing() {
        imports.modelMissing();
        offerModel();
    }

    private void offerModel() {
        dialogs.modelSetup(window(), imports::modelArrived); // the photos dropped before are imported then
    }

    /** Imports paths as a drop would (File menu, tests). */
    public void importPaths(List<Path> paths) {
        imports.start(paths);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @FXML
    void addFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Add a folder of photos");
        File folder = chooser.showDialog(window());
        if (folder != null) {
            imports.start(List.of(folder.toPath()));
        }
    }

    @FXML
    void addFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add photos");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images", "*.jpg", "*.jpeg", "*.png", "*.gif", "*.webp", "*.tif", "*.tiff", "*.bmp",
                        "*.JPG", "*.JPEG", "*.PNG"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null) {
            imports.start(files.stream().map(File::toPath).toList());
        }
    }

    @FXML
    void openSettings() {
        dialogs.settings(window());
        backup.checkAvailable();
    }

    @FXML
    void openCategories() {
        if (dialogs.categories(window())) {
            sorting.categoriesChanged(); // sorted again in the background
        }
    }

    @FXML
    void undo() {
        sorting.undo();
    }

    @FXML
    void redo() {
        sorting.redo();
    }

    @FXML
    void backUp() {
        backup.start();
    }

    @FXML
    void quit() {
        Window window = window();
        if (window != null) {
            window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
        }
    }

    @FXML
    void refresh() {
        library.refresh();
    }

    @FXML
    void dismissNotice() {
        notices.dismiss();
    }

    @FXML
    void toggleServer() {
        boolean on = serverItem.isSelected();
        serverItem.setDisable(true);
        serverUrlItem.setText(on ? "Starting…" : "Stopping…");
        executor.submit(() -> {
            if (on) {
                return server.start(settings.load().serverPort());
            }
            server.stop();
            return null;
        }, url -> {
            serverItem.setDisable(false);
            serverUrlItem.setText(url == null ? "Not running" : "Running at " + url);
        }, error -> {
            serverItem.setDisable(false);
            serverItem.setSelected(server.running());
            serverUrlItem.setText(server.running() ? serverUrlItem.getText() : "Not running");
            dialogs.problem(window(), "The REST server could not start", error.getMessage());
        });
    }

    @FXML
    void openLog() {
        try {
            SystemShell.open(logFile);
        } catch (IOException e) {
            dialogs.problem(window(), "Cannot open the log file", "The log file is " + logFile + ".");
        }
    }

    @FXML
    void about() {
        dialogs.about(window());
    }

    /** What View → Duplicates… opens. */
    public void setOnShowDuplicates(Runnable action) {
        onShowDuplicates = action;
    }

    @FXML
    void showDuplicates() {
        onShowDuplicates.run();
    }

    /** The split pane, for remembering its divider. */
    SplitPane split() {
        return split;
    }

    /** Whether a server toggle is on (tests). */
    boolean serverOn() {
        return serverItem.isSelected();
    }
}
