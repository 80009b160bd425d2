package org.imageorganizer.ui.main;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.GridView;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.DesktopServices;
import org.imageorganizer.ui.SystemShell;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.dnd.DropAdapter;
import org.imageorganizer.ui.grid.ThumbnailCell;
import org.imageorganizer.ui.grid.ThumbnailLoader;
import org.imageorganizer.ui.importing.ImportViewModel;
import org.imageorganizer.ui.library.LibraryViewModel;
import org.imageorganizer.ui.library.TreeNode;
import org.imageorganizer.ui.sync.SyncViewModel;

/** The main window: binds the view models to the controls and turns menu and drop actions into calls on them. */
public final class MainWindowController {
    static final double THUMBNAIL_SIZE = 160;

    private final DesktopServices services;
    private final TaskExecutor executor;
    private final ImportViewModel imports;
    private final LibraryViewModel library;
    private final SyncViewModel backup;
    private final ThumbnailLoader thumbnails;
    private final Dialogs dialogs;
    private final GridKeyboard gridKeyboard = new GridKeyboard();
    private Timeline poll;

    @FXML BorderPane root;
    @FXML SplitPane split;
    @FXML TextField search;
    @FXML TreeView<TreeNode> tree;
    @FXML Label clusterState;
    @FXML GridView<ImageRecord> grid;
    @FXML VBox emptyHint;
    @FXML ProgressBar progress;
    @FXML Label status;
    @FXML ToggleButton failuresToggle;
    @FXML Button cancelButton;
    @FXML TitledPane failuresPane;
    @FXML ListView<FileFailure> failures;
    @FXML CheckMenuItem serverItem;
    @FXML MenuItem backupItem;
    @FXML javafx.scene.layout.HBox syncBar;
    @FXML ProgressBar syncProgress;
    @FXML Label syncStatus;
    @FXML Button syncCancel;
    @FXML MenuItem serverUrlItem;

    public MainWindowController(DesktopServices services, TaskExecutor executor, ImportViewModel imports,
            LibraryViewModel library, SyncViewModel backup, ThumbnailLoader thumbnails, Dialogs dialogs) {
        this.backup = backup;
        this.services = services;
        this.executor = executor;
        this.imports = imports;
        this.library = library;
        this.thumbnails = thumbnails;
        this.dialogs = dialogs;
    }

    @FXML
    void initialize() {
        new LibraryTreeView(tree, library).bind();
        search.textProperty().bindBidirectional(library.filterProperty());
        clusterState.textProperty().bind(Bindings.when(library.clustersPendingProperty())
                .then("Grouping similar photos…").otherwise(""));

        grid.setItems(library.images());
        grid.setCellWidth(THUMBNAIL_SIZE + 8);
        grid.setCellHeight(THUMBNAIL_SIZE + 26);
        grid.setCellFactory(g -> {
            ThumbnailCell cell = new ThumbnailCell(thumbnails, THUMBNAIL_SIZE, gridKeyboard.currentProperty());
            cell.setOnMouseClicked(e -> {
                gridKeyboard.select(cell.getItem());
                if (e.getClickCount() == 2 && cell.getItem() != null) {
                    preview(cell.getItem());
                }
            });
            return cell;
        });
        gridKeyboard.attach(grid, this::preview, this::removeFromLibrary);
        emptyHint.visibleProperty().bind(Bindings.isEmpty(library.images()));

        progress.progressProperty().bind(imports.progressProperty());
        progress.visibleProperty().bind(imports.runningProperty());
        progress.managedProperty().bind(imports.runningProperty());
        status.textProperty().bind(imports.statusProperty());
        cancelButton.visibleProperty().bind(imports.runningProperty());
        cancelButton.managedProperty().bind(imports.runningProperty());
        failures.setItems(imports.failures());
        failures.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(FileFailure failure, boolean empty) {
                super.updateItem(failure, empty);
                setText(empty || failure == null ? null : failure.path() + " — " + failure.reason());
            }
        });
        failuresToggle.textProperty().bind(Bindings.concat("Problems (", Bindings.size(imports.failures()), ")"));
        failuresToggle.disableProperty().bind(Bindings.isEmpty(imports.failures()));
        failuresPane.visibleProperty().bind(failuresToggle.selectedProperty());
        failuresPane.managedProperty().bind(failuresToggle.selectedProperty());

        root.setOnDragOver(DropAdapter::acceptIfFiles);
        root.setOnDragEntered(e -> root.getStyleClass().add("drop-target"));
        root.setOnDragExited(e -> root.getStyleClass().remove("drop-target"));
        root.setOnDragDropped(e -> {
            List<Path> paths = DropAdapter.paths(e);
            e.setDropCompleted(!paths.isEmpty());
            e.consume();
            imports.start(paths);
        });

        backupItem.disableProperty().bind(backup.availableProperty().not().or(backup.runningProperty()));
        syncProgress.progressProperty().bind(backup.progressProperty());
        syncStatus.textProperty().bind(backup.statusProperty());
        syncCancel.visibleProperty().bind(backup.runningProperty());
        syncBar.visibleProperty().bind(backup.statusProperty().isNotEmpty());
        syncBar.managedProperty().bind(syncBar.visibleProperty());
        backup.setOnFailure(f -> imports.failures().add(new FileFailure(java.nio.file.Path.of(f.location() == null
                ? f.fileName() : f.location()), "not backed up: " + f.reason())));
        backup.checkAvailable();
        imports.setOnProgress(library::refresh);
        imports.setOnFinished(summary -> library.refresh());
        imports.setOnModelMissing(() -> {
            if (dialogs.modelSetup(window())) {
                imports.retryAfterModelSetup(); // the photos dropped before are imported now
            }
        });
        poll = new Timeline(new KeyFrame(Duration.seconds(1.5), e -> {
            if (imports.runningProperty().get() || library.clustersPendingProperty().get()) {
                library.refresh();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        library.refresh();
    }

    /** Imports paths as a drop would (File menu, tests). */
    public void importPaths(List<Path> paths) {
        imports.start(paths);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void preview(ImageRecord image) {
        dialogs.preview(window(), image, List.copyOf(library.images()));
    }

    private void removeFromLibrary(ImageRecord image) {
        if (dialogs.confirmRemove(window(), 1)) {
            library.remove(image, () -> { });
        }
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
    void backUp() {
        backup.start();
    }

    @FXML
    void cancelBackUp() {
        backup.cancel();
    }

    @FXML
    void quit() {
        Window window = window();
        if (window != null) {
            window.fireEvent(new javafx.stage.WindowEvent(window, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
        }
    }

    @FXML
    void refresh() {
        library.refresh();
    }

    @FXML
    void cancelImport() {
        imports.cancel();
    }

    @FXML
    void toggleServer() {
        boolean on = serverItem.isSelected();
        serverItem.setDisable(true);
        serverUrlItem.setText(on ? "Starting…" : "Stopping…");
        executor.submit(() -> {
            if (on) {
                return services.embeddedServer().start(services.settings().serverPort());
            }
            services.embeddedServer().stop();
            return null;
        }, url -> {
            serverItem.setDisable(false);
            serverUrlItem.setText(url == null ? "Not running" : "Running at " + url);
        }, error -> {
            serverItem.setDisable(false);
            serverItem.setSelected(services.embeddedServer().running());
            serverUrlItem.setText(services.embeddedServer().running() ? serverUrlItem.getText() : "Not running");
            dialogs.problem(window(), "The REST server could not start", error.getMessage());
        });
    }

    @FXML
    void openLog() {
        try {
            SystemShell.open(services.logFile());
        } catch (IOException e) {
            dialogs.problem(window(), "Cannot open the log file", "The log file is " + services.logFile() + ".");
        }
    }

    @FXML
    void about() {
        dialogs.about(window());
    }

    /** Stops refreshing the library (the window is closing). */
    void stop() {
        if (poll != null) {
            poll.stop();
        }
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
