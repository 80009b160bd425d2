package org.imageorganizer.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.ImportProgress;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.services.FolderImport;

/**
 * Folder imports into a {@link FakeLibrary}, over files that exist only here: photos, and files that
 * cannot be read with the reason the import gives. Behaves as the real import does for a front end:
 * progress once the files are found (0 of N) and after each file, each unreadable file told to the
 * listener, a file imported before counted as already in the library, a missing root a failure, and a
 * cancel honoured after the {@value #IN_FLIGHT} photos in flight. Runs on the caller's thread.
 */
public final class FakeFolderImport implements FolderImport {
    /** How many files an import has in flight: a cancel stops after these. */
    public static final int IN_FLIGHT = 4;
    private static final String[] OBJECTS = {"dog", "tree", "car"};

    private final FakeLibrary library;
    /** Every file there is, in walk order, with the reason it cannot be read (null for a photo). */
    private final Map<Path, String> files = new LinkedHashMap<>();
    private final Set<Path> inLibrary = new HashSet<>();
    private final AtomicInteger runs = new AtomicInteger();
    private volatile boolean modelPresent = true;
    private volatile boolean modelLoaded = true;
    private volatile RuntimeException failure;

    public FakeFolderImport(FakeLibrary library) {
        this.library = library;
    }

    /** Puts {@code count} photos in a folder (photo-0000.jpg…). */
    public List<Path> photos(Path folder, int count) {
        return photos(folder, 0, count);
    }

    /** As {@link #photos(Path, int)}, numbered from {@code first} so several calls give distinct files. */
    public List<Path> photos(Path folder, int first, int count) {
        List<Path> added = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            Path file = folder.resolve(String.format("photo-%04d.%s", i, i % 2 == 0 ? "jpg" : "png")).toAbsolutePath();
            files.put(file, null);
            added.add(file);
        }
        return added;
    }

    /** Puts a file the import cannot read, for this reason (as the decoder words it). */
    public Path unreadable(Path file, String reason) {
        Path absolute = file.toAbsolutePath();
        files.put(absolute, reason);
        return absolute;
    }

    /** Behaves as a first run without a model: an import throws {@link ModelException}. */
    public FakeFolderImport withoutModel() {
        modelPresent = false;
        return this;
    }

    /** The model arrives (the user downloaded it or chose a folder). */
    public FakeFolderImport withModel() {
        modelPresent = true;
        return this;
    }

    /** Makes the next imports fail with this (a broken library, say). */
    public FakeFolderImport withFailure(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    /**
     * The next import loads the model, as the first import after start does: it reports the files it
     * found, tells the listener the model is loading, then that it is ready.
     */
    public FakeFolderImport withModelNotYetLoaded() {
        modelLoaded = false;
        return this;
    }

    /** How many imports were run. */
    public int runs() {
        return runs.get();
    }

    @Override
    public ImportSummary organize(List<Path> roots, ImportListener listener, BooleanSupplier cancelled) {
        runs.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
        if (!modelPresent) {
            throw new ModelException("there is no CLIP model on this computer yet.");
        }
        List<FileFailure> failures = new ArrayList<>();
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            Path start = root.toAbsolutePath();
            List<Path> under = files.keySet().stream().filter(f -> f.startsWith(start)).toList();
            if (under.isEmpty()) {
                fail(new FileFailure(root, "no such file or folder"), failures, listener);
            }
            under.stream().filter(f -> !found.contains(f)).forEach(found::add);
        }
        Tally tally = new Tally(found.size(), listener, failures);
        tally.report(null); // the files found
        if (!modelLoaded) { // the first file with new content asks for the model, which loads while files are read
            listener.loadingModel();
            modelLoaded = true;
            listener.modelReady();
        }
        boolean stopped = false;
        for (int i = 0; i < found.size(); i++) {
            if (i % IN_FLIGHT == 0 && i > 0 && cancelled.getAsBoolean()) {
                stopped = true;
                break;
            }
            Path file = found.get(i);
            String reason = files.get(file);
            if (reason != null) {
                fail(new FileFailure(file, reason), failures, listener);
            } else if (!inLibrary.add(file)) {
                tally.duplicates++;
            } else {
                library.add(OBJECTS[i % OBJECTS.length], "beach", 1);
                tally.imported++;
            }
            tally.report(file);
        }
        return new ImportSummary(found.size(), tally.imported, tally.duplicates, 0, failures, stopped, Duration.ofSeconds(2));
    }

    private static void fail(FileFailure failure, List<FileFailure> failures, ImportListener listener) {
        failures.add(failure);
        listener.failed(failure);
    }

    /** Counts one run's outcomes and reports its progress. */
    private static final class Tally {
        final int found;
        final ImportListener listener;
        final List<FileFailure> failures;
        int imported;
        int duplicates;

        Tally(int found, ImportListener listener, List<FileFailure> failures) {
            this.found = found;
            this.listener = listener;
            this.failures = failures;
        }

        void report(Path file) {
            int done = imported + duplicates + failures.size();
            listener.progress(new ImportProgress(done, Math.max(found, done), imported, duplicates, failures.size(),
                    file == null ? null : file.toString(), 50.0));
        }
    }
}
