package org.imageorganizer.ui.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.ui.TaskExecutor;

/**
 * The Problems panel: the files an import refused (one line each, the newest last), kept across restarts in a
 * {@link ProblemsStore} (read in the background at start, saved in the background after each change, one save
 * at a time), with its actions on the files chosen: Show in Folder, Copy (their paths and reasons), Retry (import
 * them again: a file refused again comes back), Clear. When an import found photos already in the library, it
 * says so and links to the Duplicates view. UI thread.
 */
public final class ProblemsViewModel {
    /** Opens a file's folder in the file manager. */
    public interface Desktop {
        void showInFolder(Path file) throws IOException;
    }

    private final ObservableList<FileFailure> problems;
    private final ProblemsStore store;
    private final TaskExecutor executor;
    private final Consumer<List<Path>> importAgain;
    private final Desktop desktop;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper duplicatesText = new ReadOnlyStringWrapper("");
    private Runnable onShowDuplicates = () -> { };
    private boolean saving;
    private boolean saveAgain;
    private boolean loaded;

    /**
     * @param problems    the list the import fills ({@link ImportViewModel#failures()})
     * @param importAgain starts an import of these files (Retry)
     */
    public ProblemsViewModel(ObservableList<FileFailure> problems, ProblemsStore store, TaskExecutor executor,
            Consumer<List<Path>> importAgain, Desktop desktop) {
        this.problems = problems;
        this.store = store;
        this.executor = executor;
        this.importAgain = importAgain;
        this.desktop = desktop;
        problems.addListener((ListChangeListener<FileFailure>) c -> {
            if (loaded) {
                save();
            }
        });
    }

    /** Reads the problems kept from the last runs, in the background; they go before any found meanwhile. */
    public void load() {
        executor.submit(store::load, kept -> {
            List<FileFailure> all = new ArrayList<>();
            for (FileFailure old : kept) {
                if (problems.stream().noneMatch(now -> now.path().equals(old.path()))) {
                    all.add(old);
                }
            }
            all.addAll(problems);
            loaded = true;
            problems.setAll(all);
        }, error -> loaded = true);
    }

    private void save() {
        if (saving) {
            saveAgain = true;
            return;
        }
        saving = true;
        List<FileFailure> snapshot = List.copyOf(problems);
        executor.submit(() -> {
            store.save(snapshot);
            return null;
        }, done -> saved(), error -> saved());
    }

    private void saved() {
        saving = false;
        if (saveAgain) {
            saveAgain = false;
            save();
        }
    }

    public ObservableList<FileFailure> problems() {
        return problems;
    }

    /** Shows the first chosen file in its folder (or the folder itself when the file is gone). */
    public void showInFolder(List<FileFailure> chosen) {
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get(0).path();
        try {
            desktop.showInFolder(file);
            message.set("");
        } catch (IOException | RuntimeException e) {
            message.set("The file manager could not show " + file.getFileName() + ".");
        }
    }

    /** The chosen problems as text to copy: one "path — reason" a line. */
    public String copyText(List<FileFailure> chosen) {
        return chosen.stream().map(ProblemsViewModel::line).collect(Collectors.joining("\n"));
    }

    /** How a problem reads in the list and when copied. */
    public static String line(FileFailure failure) {
        return failure.path() + " — " + failure.reason();
    }

    /** Imports the chosen files again; they leave the list, and come back if they are refused again. */
    public void retry(List<FileFailure> chosen) {
        List<FileFailure> again = List.copyOf(chosen);
        if (again.isEmpty()) {
            return;
        }
        problems.removeAll(again);
        message.set("");
        importAgain.accept(again.stream().map(FileFailure::path).distinct().toList());
    }

    /** Empties the list (and the list kept for the next run). */
    public void clear() {
        problems.clear();
        message.set("");
    }

    /** An import ended: when it found photos already in the library, the panel says so and links to Duplicates. */
    public void importFinished(ImportSummary summary) {
        int duplicates = summary.duplicates();
        duplicatesText.set(duplicates == 0 ? "" : (duplicates == 1 ? "1 photo was" : duplicates + " photos were")
                + " already in the library");
    }

    /** "3 photos were already in the library" after an import that found some, else empty. */
    public ReadOnlyStringProperty duplicatesTextProperty() {
        return duplicatesText.getReadOnlyProperty();
    }

    /** What went wrong with the last action, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What View Duplicates opens (the Duplicates view). */
    public void setOnShowDuplicates(Runnable action) {
        onShowDuplicates = action;
    }

    public void showDuplicates() {
        onShowDuplicates.run();
    }
}
