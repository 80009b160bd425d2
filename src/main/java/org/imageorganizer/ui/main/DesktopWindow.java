package org.imageorganizer.ui.main;

import java.util.function.Consumer;

import javafx.scene.image.Image;

import org.imageorganizer.ui.library.TreeCovers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.AppIcons;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.SystemShell;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.ViewLoader;
import org.imageorganizer.ui.WindowServices;
import org.imageorganizer.ui.webaccess.WebAccessDialog;
import org.imageorganizer.ui.webaccess.WebAccessStore;
import org.imageorganizer.ui.webaccess.WebAccessViewModel;
import org.imageorganizer.ui.duplicates.DuplicatesWindow;
import org.imageorganizer.ui.grid.FirstThumbnails;
import org.imageorganizer.ui.grid.ImageActions;
import org.imageorganizer.ui.grid.ImageGridController;
import org.imageorganizer.ui.grid.GridHeading;
import org.imageorganizer.ui.grid.GridHint;
import org.imageorganizer.ui.grid.ImageGridViewModel;
import org.imageorganizer.ui.grid.PhotoGrid;
import org.imageorganizer.ui.grid.ThumbnailSizeStore;
import org.imageorganizer.ui.grid.PhotoCommands;
import org.imageorganizer.ui.grid.ThumbnailLoader;
import org.imageorganizer.ui.find.FindBarController;
import org.imageorganizer.ui.find.FindViewModel;
import org.imageorganizer.ui.find.FxUiDelay;
import org.imageorganizer.ui.importing.ImportBarController;
import org.imageorganizer.ui.importing.ImportViewModel;
import org.imageorganizer.ui.importing.ProblemsStore;
import org.imageorganizer.ui.importing.ProblemsViewModel;
import org.imageorganizer.ui.library.LibraryTreeController;
import org.imageorganizer.ui.library.LibraryViewModel;
import org.imageorganizer.ui.sorting.ClusterRenaming;
import org.imageorganizer.ui.sorting.SortingViewModel;
import org.imageorganizer.ui.sorting.TreeEdits;
import org.imageorganizer.ui.sync.SyncBarController;
import org.imageorganizer.ui.sync.SyncViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the main window on a stage: the view models and how they follow each other, the FXML
 * with its included views and their controllers, style sheet, icon, and the size, position and
 * divider it had last time. The window shows at once; the tree's first read opens the library in
 * the background (ADR 0031), and what is dropped meanwhile waits for it. The tree is told of library
 * changes while the window is open.
 */
public final class DesktopWindow {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopWindow.class);
    /**
     * Logged once when the tree and the thumbnails of the grid's first screen are first on screen; the
     * start-up bench reads it (keep the wording: {@code bench.startup.WindowProbe} looks for it).
     */
    static final String SHOWN = "Window showed the tree and {} thumbnails";

    private final WindowServices services;
    private final TaskExecutor executor;
    private final MainWindowDialogs dialogs;
    private ThumbnailLoader thumbnails;
    private LibraryViewModel library;
    private MainWindowController controller;
    private WindowPlacement placement;
    private DuplicatesWindow duplicates;
    private GridHeading heading;

    public DesktopWindow(WindowServices services, TaskExecutor executor, MainWindowDialogs dialogs) {
        this.services = services;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /** The tree rows' cover pictures: the photo's record read in the background, then its thumbnail as the grid's. */
    private TreeCovers treeCovers() {
        return new TreeCovers() {
            @Override
            public Image cached(long imageId) {
                return thumbnails.cached(imageId);
            }

            @Override
            public void load(long imageId, Consumer<Image> done) {
                executor.submit(() -> services.library().image(imageId),
                        record -> record.ifPresentOrElse(r -> thumbnails.load(r, done), () -> done.accept(null)),
                        failure -> done.accept(null));
            }
        };
    }

    /** Fills the stage and shows it. */
    public MainWindowController show(Stage stage) {
        Notices notices = new Notices();
        thumbnails = new ThumbnailLoader(services.files(), 2);
        ImportViewModel imports = new ImportViewModel(services.imports(), executor);
        library = new LibraryViewModel(services.library(), executor, notices);
        ImageGridViewModel grid = new ImageGridViewModel(services.library(), services.removal(), services.duplicates(),
                executor, notices);
        SyncViewModel backup = new SyncViewModel(services.backup(), executor, notices);
        grid.follow(library.selectedProperty(), library.placeholderProperty());
        FindViewModel find = new FindViewModel(services.search(), grid, executor, new FxUiDelay(),
                library.selectedProperty(), library.treeProperty());
        library.treeProperty().addListener((o, was, now) -> grid.refreshStacks()); // the library changed
        imports.waitForLibrary(library.openingProperty());
        ProblemsViewModel problems = new ProblemsViewModel(imports.failures(),
                new ProblemsStore(services.paths().problemsFile()), executor, imports::start, SystemShell::showInFolder);
        imports.setOnFinished(summary -> {
            library.refresh();
            problems.importFinished(summary);
        });
        backup.setOnFailure(f -> imports.failures().add(new FileFailure(Path.of(f.location() == null
                ? f.fileName() : f.location()), "not backed up: " + f.reason())));
        ImageActions actions = new ImageActions() {
            @Override
            public void preview(ImageRecord image, List<ImageRecord> among, Consumer<ImageRecord> closed) {
                dialogs.preview(stage, image, among, find::showSimilar, closed);
            }

            @Override
            public void showSimilar(ImageRecord image) {
                find.showSimilar(image);
            }

            @Override
            public boolean confirmRemove(List<ImageRecord> images) {
                return dialogs.confirmRemove(stage, images);
            }

            @Override
            public boolean confirmTrash(String header, String text, List<String> files, String action) {
                return dialogs.confirmTrash(stage, header, text, files, action);
            }
        };
        SortingViewModel sorting = new SortingViewModel(services.sorting(), executor, notices, library::refresh);
        TreeEdits edits = new TreeEdits(sorting, new ClusterRenaming(services.naming(), executor, notices, library::refresh));
        loadCategoriesOnceRead(sorting);
        PhotoCommands commands = new PhotoCommands(services.files(), grid, actions, notices, services.trash(), executor);
        heading = new GridHeading(grid);
        heading.thumbnailSizeProperty().set(thumbnailSizes().load());
        GridHint hint = new GridHint(grid, library.placeholderProperty(), library.emptyProperty(), library.filterProperty(),
                library.filterMatchesNothingProperty(), find.textProperty(), library::clearFilter, find::clear);
        Map<Class<?>, Supplier<Object>> controllers = Map.of(
                MainWindowController.class, () -> new MainWindowController(imports, library, backup, notices,
                        services.paths().logFile(), dialogs, sorting),
                LibraryTreeController.class, () -> new LibraryTreeController(library, commands, edits, treeCovers()),
                ImageGridController.class, () -> new ImageGridController(grid, heading, hint, thumbnails, actions, commands,
                        sorting),
                FindBarController.class, () -> new FindBarController(find),
                ImportBarController.class, () -> new ImportBarController(imports, problems),
                SyncBarController.class, () -> new SyncBarController(backup));
        FXMLLoader loader = new FXMLLoader(MainWindowController.class.getResource("MainWindow.fxml"));
        loader.setControllerFactory(type -> {
            Supplier<Object> made = controllers.get(type);
            if (made == null) {
                throw new IllegalArgumentException("no controller " + type);
            }
            return made.get();
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The main window's layout is missing or broken", e);
        }
        controller = loader.getController();
        duplicates = new DuplicatesWindow(services.duplicates(), services.trash(), services.files(), executor);
        controller.setOnShowDuplicates(() -> duplicates.show(stage));
        WebAccessDialog webAccess = new WebAccessDialog(new WebAccessViewModel(services.server(), services.settings(),
                new WebAccessStore(services.paths().webAccessFile()), executor, SystemShell::browse));
        controller.setOnWebAccess(() -> webAccess.show(stage));
        problems.setOnShowDuplicates(() -> duplicates.show(stage));
        problems.load();
        Scene scene = new Scene(root);
        scene.getStylesheets().addAll(ViewLoader.APP_STYLESHEET, // the theme's colours (ADR 0052)
                MainWindowController.class.getResource("MainWindow.css").toExternalForm());
        stage.setTitle("AI Image Organizer");
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        AppIcons.apply(stage);
        placement = new WindowPlacement(stage, controller.split());
        placement.restore(new WindowStateStore(services.paths().windowStateFile()).load());
        services.events().addObserver(library);
        stage.show();
        logWhenShown(root, grid);
        library.refresh(); // the first read opens the library
        backup.checkAvailable();
        askForModelIfMissing();
        return controller;
    }

    /** On a first run without a model, the window asks for it at once: drops wait for it meanwhile. */
    private void askForModelIfMissing() {
        executor.submit(services.model()::modelAvailable, available -> {
            if (!available) {
                controller.modelMissing();
            }
        }, error -> LOG.warn("Could not look for the recognition model: {}", error.toString()));
    }

    /** The menus list the library's categories once it has been read (it is open then). */
    private void loadCategoriesOnceRead(SortingViewModel sorting) {
        library.placeholderProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends String> o, String was, String now) {
                if (now.isEmpty()) {
                    library.placeholderProperty().removeListener(this);
                    sorting.loadCategories();
                }
            }
        });
    }

    /** Logs {@link #SHOWN} once the library's tree is first read and the grid's first thumbnails are on screen. */
    private void logWhenShown(Parent root, ImageGridViewModel grid) {
        PhotoGrid view = (PhotoGrid) root.lookup("#grid");
        library.placeholderProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends String> o, String was, String now) {
                if (now.isEmpty()) {
                    library.placeholderProperty().removeListener(this);
                    FirstThumbnails.whenComplete(view, grid, count -> LOG.info(SHOWN, count));
                }
            }
        });
    }

    /** The grid's thumbnail size, kept beside the window's state. */
    private ThumbnailSizeStore thumbnailSizes() {
        return new ThumbnailSizeStore(services.paths().windowStateFile().resolveSibling("grid.json"));
    }

    /** Remembers where the window was (a small file, written at once) and stops its background work (thumbnails, change events). */
    public void close() {
        if (library != null) {
            services.events().removeObserver(library);
        }
        if (heading != null) {
            thumbnailSizes().save(heading.thumbnailSizeProperty().get());
        }
        if (placement != null) {
            new WindowStateStore(services.paths().windowStateFile()).save(placement.current());
            placement = null;
        }
        if (thumbnails != null) {
            thumbnails.close();
        }
        if (duplicates != null) {
            duplicates.close();
        }
    }
}
