package org.imageorganizer.importer;

import org.imageorganizer.model.ImportListener;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imageorganizer.model.DuplicateFile;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.ImportProgress;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.model.ImportedFile;

/**
 * Counts an import's outcomes, remembers which file became which image, and reports progress; used
 * from the import's consuming thread only. A file with the content of an earlier file of the walk is
 * named after that file's outcome at the end: its image id once stored, or the library's image when
 * that file turned out to be in the library from an earlier run.
 */
final class ImportTally {
    private final ImportListener listener;
    private final long startNanos;
    private final List<FileFailure> failures = new ArrayList<>();
    private final Map<Path, Integer> walkOrder = new HashMap<>();
    private final Map<Path, Long> importedIds = new HashMap<>();
    private final Map<Path, DuplicateFile> inLibrary = new HashMap<>();
    private final Map<Path, Path> sameAs = new HashMap<>();
    private int found;
    private int duplicates;
    private int relocated;

    ImportTally(ImportListener listener, long startNanos) {
        this.listener = listener;
        this.startNanos = startNanos;
    }

    /** The files found, in walk order. */
    void found(List<Path> files) {
        found = files.size();
        for (int i = 0; i < files.size(); i++) {
            walkOrder.putIfAbsent(files.get(i), i);
        }
        report(null);
    }

    void imported(Path file, long id) {
        importedIds.put(file, id);
        report(file);
    }

    /** The library already has the file's content (as {@code existing}); {@code relocatedRecord} when its record followed the file. */
    void inLibrary(Path file, ImageRecord existing, boolean relocatedRecord) {
        inLibrary.put(file, new DuplicateFile(file, DuplicateFile.Kind.EARLIER_RUN, existing.location(), existing.id(),
                relocatedRecord));
        duplicates++;
        if (relocatedRecord) {
            relocated++;
        }
        report(file);
    }

    /** An earlier file of the walk, {@code original}, has the file's content. */
    void sameAs(Path file, Path original) {
        sameAs.put(file, original);
        duplicates++;
        report(file);
    }

    void failed(FileFailure failure) {
        failures.add(failure);
        listener.failed(failure);
        report(failure.path());
    }

    int imported() {
        return importedIds.size();
    }

    ImportSummary summary(boolean cancelled, Duration elapsed) {
        Comparator<Path> byWalk = Comparator.comparingInt(p -> walkOrder.getOrDefault(p, Integer.MAX_VALUE));
        List<ImportedFile> imported = importedIds.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(byWalk))
                .map(e -> new ImportedFile(e.getKey(), e.getValue()))
                .toList();
        List<DuplicateFile> named = new ArrayList<>(inLibrary.values());
        sameAs.forEach((file, original) -> named.add(resolve(file, original)));
        named.sort(Comparator.comparing(DuplicateFile::path, byWalk));
        return new ImportSummary(found, imported.size(), duplicates, relocated, failures, cancelled, elapsed,
                imported, named);
    }

    /** A file of the walk with the content of an earlier one, by its index in the walk, and what it turned out to be. */
    record Copy(int index, DuplicateFile file) {
    }

    /** The files with the content of an earlier file of the walk whose image is known (stored, or in the library). */
    List<Copy> copiesWithinWalk() {
        List<Copy> copies = new ArrayList<>();
        sameAs.forEach((file, original) -> {
            DuplicateFile resolved = resolve(file, original);
            if (resolved.originalId() != null) {
                copies.add(new Copy(walkOrder.getOrDefault(file, -1), resolved));
            }
        });
        return copies;
    }

    /** What became of the original decides what the copy is: a copy of a new image, or of one an earlier run added. */
    private DuplicateFile resolve(Path file, Path original) {
        DuplicateFile originalInLibrary = inLibrary.get(original);
        if (originalInLibrary != null) {
            return new DuplicateFile(file, DuplicateFile.Kind.EARLIER_RUN, originalInLibrary.moved()
                    ? original.toString() : originalInLibrary.original(), originalInLibrary.originalId(), false);
        }
        return new DuplicateFile(file, DuplicateFile.Kind.SAME_IMPORT, original.toString(), importedIds.get(original),
                false);
    }

    private void report(Path file) {
        int done = importedIds.size() + duplicates + failures.size();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        listener.progress(new ImportProgress(done, Math.max(found, done), importedIds.size(), duplicates,
                failures.size(), file == null ? null : file.toString(), rate));
    }
}
