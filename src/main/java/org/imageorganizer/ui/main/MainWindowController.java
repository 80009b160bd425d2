package org.imageorganizer.ui.main;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.SystemShell;
import org.imageorganizer.ui.dnd.DropAdapter;
import org.imageorganizer.ui.importing.ImportViewModel;
import org.imageorganizer.ui.library.LibraryViewModel;
import org.imageorganizer.ui.library.PhotoDrag;
import org.imageorganizer.ui.sorting.SortingViewModel;
import org.imageorganizer.ui.sync.SyncViewModel;

/**
 * The main window (MainWindow.fxml): the menus (Edit → Undo takes back the last move of photos, Settings →
 * Categories… edits the library's categories and sorts it again; Server → Web Access… opens its dialog), drops on the
 * window, and the notice line. The sidebar, the grid, the import bar and the backup bar are views of their own
 * (included), each with its controller and view model.
 */
public final class MainWindowController {
    private final ImportViewModel imports;
    private final LibraryViewModel library;
    private final SyncViewModel backup;
    private final Notices notices;
    private final Path logFile;
    private final MainWindowDialogs dialogs;
    private final SortingViewModel sorting;

    /** What Back Up to Cloudinary says while there is no Cloudinary account to back up to. */
    static final String BACKUP_NEEDS_ACCOUNT_TITLE = "Back up to Cloudinary";
    static final String BACKUP_NEEDS_ACCOUNT = "Add your Cloudinary account in Settings → Cloudinary to back up.";

    @FXML BorderPane root;
    @FXML SplitPane split;
    @FXML MenuItem backupItem;
    @FXML MenuItem webAccessItem;
    @FXML HBox noticeBar;
    @FXML Label notice;
    @FXML MenuItem duplicatesItem;
    @FXML MenuItem undoItem;
    @FXML MenuItem redoItem;
    private Runnable onShowDuplicates = () -> { };
    private Runnable onWebAccess = () -> { };

    /**
     * @param logFile the log file Help → Open the Log File opens
     */
    public MainWindowController(ImportViewModel imports, LibraryViewModel library,
            SyncViewModel backup, Notices notices, Path logFile, MainWindowDialogs dialogs, SortingViewModel sorting) {
        this.imports = imports;
        this.library = library;
        this.backup = backup;
        this.notices = notices;
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
        backupItem.disableProperty().bind(backup.runningProperty()); // when unavailable, it says what is needed
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
        if (backup.availableProperty().get()) {
            backup.start();
        } else {
            dialogs.problem(window(), BACKUP_NEEDS_ACCOUNT_TITLE, BACKUP_NEEDS_ACCOUNT);
        }
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
    void openWebAccess() {
        onWebAccess.run();
    }

    /** What Server → Web Access… opens. */
    public void setOnWebAccess(Runnable action) {
        onWebAccess = action;
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

}
