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
 * Without a recognition model ({@link #modelMissing()}, or an import that found none), what is dropped
 * waits for it, the status line says how much waits, and {@link #modelArrived()} imports it.
 */
public final class ImportViewModel {
    private static final long UPDATE_NANOS = 100_000_000L;
    /** The status line while the import waits for the model (the first import after start, seconds). */
    static final String LOADING_MODEL = "Loading the recognition model…";
    /** The status line while dropped paths wait for the library to open (the first seconds after start). */
    static final String WAITING_FOR_LIBRARY = "Opening the library: what you dropped is added once it is open.";
    /** The status line while there is no model and nothing waits for it. */
    static final String NO_MODEL = "The recognition model is not set up yet: photos you add wait for it.";
    /** The status line once the model is in place and nothing waited for it. */
    static final String READY = "The recognition model is ready. Drop photos or folders on the window to add them.";

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
    /** There is no model yet: drops wait for it (UI thread). */
    private final BooleanProperty withoutModel = new SimpleBooleanProperty();
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
        if (withoutModel.get()) {
            paths.stream().filter(p -> !awaitingModel.contains(p)).forEach(awaitingModel::add);
            status.set(describeAwaitingModel(awaitingModel));
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

    /**
     * There is no recognition model yet (the window found none at start): what is dropped from now on waits for it.
     * UI thread.
     */
    public void modelMissing() {
        if (!withoutModel.get()) {
            withoutModel.set(true);
            status.set(describeAwaitingModel(awaitingModel));
        }
    }

    /** A model is in place now: imports what waited for it (the photos dropped before). UI thread. */
    public void modelArrived() {
        withoutModel.set(false);
        List<Path> again = List.copyOf(awaitingModel);
        awaitingModel.clear();
        if (again.isEmpty()) {
            status.set(READY);
        } else {
            start(again);
        }
    }

    /** "3 photos and 1 folder wait for the recognition model." (what was dropped, counted as dropped). */
    static String describeAwaitingModel(List<Path> paths) {
        if (paths.isEmpty()) {
            return NO_MODEL;
        }
        long folders = paths.stream().filter(java.nio.file.Files::isDirectory).count();
        long files = paths.size() - folders;
        List<String> parts = new ArrayList<>();
        if (files > 0) {
            parts.add(files + (files == 1 ? " photo" : " photos"));
        }
        if (folders > 0) {
            parts.add(folders + (folders == 1 ? " folder" : " folders"));
        }
        return String.join(" and ", parts) + (paths.size() == 1 ? " waits" : " wait")
                + " for the recognition model: they are sorted once it is set up.";
    }

    /** The user asks for the model (the import bar's Set Up button): the window offers it as when an import found none. */
    public void askForModel() {
        onModelMissing.run();
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
        if (error instanceof ModelException) {
            // what this import was given and what was dropped behind it: nothing is thrown away
            lastRoots.stream().filter(p -> !awaitingModel.contains(p)).forEach(awaitingModel::add);
            waiting.stream().filter(p -> !awaitingModel.contains(p)).forEach(awaitingModel::add);
            waiting.clear();
            withoutModel.set(true);
            status.set(describeAwaitingModel(awaitingModel));
            onModelMissing.run();
        } else {
            waiting.clear();
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

    /** Whether there is no model yet, so that what is dropped waits for it (the window offers to get one). */
    public ReadOnlyBooleanProperty withoutModelProperty() {
        return withoutModel;
    }

    /** Called when an import found no model: the window offers to download one or pick a folder. */
    public void setOnModelMissing(Runnable onModelMissing) {
        this.onModelMissing = onModelMissing;
    }
}
