package org.imageorganizer.ui.importing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImportProgress;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.services.FolderImport;
import org.imageorganizer.ui.TaskExecutor;

/**
 * An import as the window shows it: running or not, progress, a status line (count, images per
 * second, time left, current file), and the files that failed. Paths dropped while an import runs
 * are imported after it, and so are those dropped while the library opens ({@link #waitForLibrary}).
 */
public final class ImportViewModel {
    private static final long UPDATE_NANOS = 100_000_000L;
    /** The status line while the import waits for the model (the first import after start, seconds). */
    static final String LOADING_MODEL = "Loading the recognition model…";
    /** The status line while dropped paths wait for the library to open (the first seconds after start). */
    static final String WAITING_FOR_LIBRARY = "Opening the library: what you dropped is added once it is open.";

    private final FolderImport folderImport;
    private final TaskExecutor executor;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("Drop photos or folders on the window to add them.");
    private final ObservableList<FileFailure> failures = FXCollections.observableArrayList();
    private final List<Path> waiting = new ArrayList<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private String statusLine = "";
    /** The running import waits for the model: progress counts files found, not finished (UI thread only). */
    private boolean loadingModel;
    private Runnable onProgress = () -> { };
    private Consumer<ImportSummary> onFinished = s -> { };
    private Runnable onModelMissing = () -> { };
    private List<Path> lastRoots = List.of();
    private final List<Path> awaitingModel = new ArrayList<>();
    private ObservableBooleanValue libraryOpening = new SimpleBooleanProperty(false);

    public ImportViewModel(FolderImport folderImport, TaskExecutor executor) {
        this.folderImport = folderImport;
        this.executor = executor;
    }

    /**
     * Holds the paths dropped while {@code opening} is true (the window's first read of the library,
     * which opens it) and imports them when it turns false. UI thread.
     */
    public void waitForLibrary(ObservableBooleanValue opening) {
        libraryOpening = opening;
        opening.addListener((o, was, now) -> {
            if (!now) {
                startWaiting();
            }
        });
    }

    /** Imports the paths now, or after the running import (or once the library is open). */
    public void start(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        if (libraryOpening.get()) {
            waiting.addAll(paths);
            status.set(WAITING_FOR_LIBRARY);
            return;
        }
        if (running.get()) {
            waiting.addAll(paths);
            showStatus(statusLine);
            return;
        }
        List<Path> roots = List.copyOf(paths);
        lastRoots = roots;
        cancelled.set(false);
        loadingModel = false;
        running.set(true);
        progress.set(-1);
        showStatus("Looking for photos…");
        executor.submit(() -> folderImport.organize(roots, new Listener(), cancelled::get),
                this::finished, this::failed);
    }

    /** Imports again what could not be imported for want of a model (after the user got one). */
    public void retryAfterModelSetup() {
        List<Path> again = List.copyOf(awaitingModel);
        awaitingModel.clear();
        start(again);
    }

    /** Stops after the images in flight; what was imported stays. */
    public void cancel() {
        if (running.get()) {
            cancelled.set(true);
            waiting.clear();
            showStatus("Stopping after the photos in flight…");
        }
    }

    private void finished(ImportSummary summary) {
        running.set(false);
        progress.set(summary.found() == 0 ? 0 : 1);
        status.set(describe(summary));
        onFinished.accept(summary);
        // cancel() dropped what was waiting then: anything here was dropped after the cancel, so it is wanted
        startWaiting();
    }

    private void startWaiting() {
        if (!waiting.isEmpty() && !running.get()) {
            List<Path> next = new ArrayList<>(waiting);
            waiting.clear();
            start(next);
        }
    }

    private void failed(Throwable error) {
        running.set(false);
        progress.set(0);
        waiting.clear();
        if (error instanceof ModelException) {
            awaitingModel.clear();
            awaitingModel.addAll(lastRoots);
            status.set("No model yet: " + error.getMessage());
            onModelMissing.run();
        } else {
            status.set("The import stopped: " + (error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName())
                    + " (details in the log file)");
        }
    }

    /** Shows a status line, with the count of paths waiting for their turn. */
    private void showStatus(String line) {
        statusLine = line;
        status.set(waiting.isEmpty() ? line : line + "  (" + waiting.size() + " more waiting)");
    }

    static String describe(ImportSummary s) {
        String text = (s.cancelled() ? "Stopped: " : "Done: ") + s.imported() + " added";
        if (s.duplicates() > 0) {
            text += ", " + s.duplicates() + " already in the library";
        }
        if (!s.failures().isEmpty()) {
            text += ", " + s.failures().size() + " could not be read";
        }
        return text + " (" + formatDuration(s.elapsed()) + ").";
    }

    static String describe(ImportProgress p) {
        StringBuilder text = new StringBuilder();
        text.append(p.done()).append(" of ").append(p.total());
        if (p.imagesPerSecond() > 0) {
            text.append(String.format(" · %.1f photos/s", p.imagesPerSecond()));
        }
        p.eta().ifPresent(eta -> text.append(" · ").append(formatDuration(eta)).append(" left"));
        if (p.currentFile() != null) {
            text.append(" · ").append(Path.of(p.currentFile()).getFileName());
        }
        return text.toString();
    }

    /** The status line while the model loads: the files found so far are worth saying. */
    static String describeLoading(ImportProgress p) {
        return p.total() == 0 ? LOADING_MODEL
                : LOADING_MODEL + " · " + p.total() + (p.total() == 1 ? " photo" : " photos") + " found";
    }

    static String formatDuration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d h %02d min", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%d min %02d s", s / 60, s % 60) : s + " s";
    }

    /** Receives progress on the import's thread; hands it to the UI thread at most ten times a second. */
    private final class Listener implements ImportListener {
        private long last;
        /** The latest progress, for the line shown when the model starts loading (after the files were found). */
        private volatile ImportProgress latest;

        @Override
        public void progress(ImportProgress p) {
            latest = p;
            long now = System.nanoTime();
            if (now - last < UPDATE_NANOS && p.done() < p.total()) {
                return;
            }
            last = now;
            executor.onUi(() -> {
                progress.set(p.total() == 0 || loadingModel ? -1 : (double) p.done() / p.total());
                if (!cancelled.get()) {
                    showStatus(loadingModel ? describeLoading(p) : describe(p));
                }
                onProgress.run();
            });
        }

        @Override
        public void loadingModel() {
            ImportProgress found = latest;
            executor.onUi(() -> {
                loadingModel = true;
                progress.set(-1);
                if (!cancelled.get()) {
                    showStatus(found == null ? LOADING_MODEL : describeLoading(found));
                }
            });
        }

        @Override
        public void modelReady() {
            executor.onUi(() -> {
                loadingModel = false;
                ImportProgress now = latest;
                if (now != null && !cancelled.get()) { // the count from now on, not "loading" until a file is done
                    progress.set(now.total() == 0 ? -1 : (double) now.done() / now.total());
                    showStatus(describe(now));
                }
            });
        }

        @Override
        public void failed(FileFailure failure) {
            executor.onUi(() -> {
                // the same file imported again replaces its line instead of adding a second one
                failures.removeIf(f -> f.path().equals(failure.path()));
                failures.add(failure);
            });
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<FileFailure> failures() {
        return failures;
    }

    /** Called on the UI thread after each progress update (the window refreshes its tree from it). */
    public void setOnProgress(Runnable onProgress) {
        this.onProgress = onProgress;
    }

    public void setOnFinished(Consumer<ImportSummary> onFinished) {
        this.onFinished = onFinished;
    }

    /** Called when there is no model: the window offers to download one or pick a folder. */
    public void setOnModelMissing(Runnable onModelMissing) {
        this.onModelMissing = onModelMissing;
    }
}
