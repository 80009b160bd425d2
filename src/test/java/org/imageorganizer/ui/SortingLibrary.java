package org.imageorganizer.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.LabelSettings;
import org.imageorganizer.model.SortingCategories;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.services.BackgroundResort;
import org.imageorganizer.services.LabelCorrecting;
import org.imageorganizer.services.LibraryCategories;
import org.imageorganizer.services.LibraryResort;
import org.imageorganizer.services.LibrarySorting;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.NewImage;
import org.imageorganizer.testing.AxisClassifier;

/**
 * A library in a folder with the real sorting services over it, for the view models of sorting by hand. The model
 * is a stand-in ({@link AxisClassifier}); a photo points along the axes of its object and background (axes 4 and 5 are free for
 * the categories a test adds).
 */
public final class SortingLibrary implements AutoCloseable {
    private static final int DIM = 6;

    private final LibraryDatabase library;
    private final LibrarySorting sorting;
    private final AtomicInteger changes = new AtomicInteger();

    /** Objects "cat" (axis 0) and "dog" (axis 1), backgrounds "inside" (axis 2) and "outside" (axis 3). */
    public SortingLibrary(Path dir) {
        library = LibraryDatabase.open(dir.resolve("library"), new LabelSettings(
                List.of("cat", "dog"), List.of("inside", "outside"), null, null, 0.2));
        describe(CategoryKind.OBJECT, "dog", "axis 1");
        describe(CategoryKind.BACKGROUND, "inside", "axis 2");
        describe(CategoryKind.BACKGROUND, "outside", "axis 3");
        LibraryResort resort = new LibraryResort(library, SortingLibrary::classifier, changes::incrementAndGet);
        sorting = new LibrarySorting(new LabelCorrecting(library, changes::incrementAndGet), new LibraryCategories(library),
                new BackgroundResort(resort, () -> { }));
    }

    private void describe(CategoryKind kind, String name, String words) {
        library.categories().describe(library.categories().byName(kind, name).orElseThrow().id(), words);
    }

    public LibrarySorting sorting() {
        return sorting;
    }

    public LibraryDatabase library() {
        return library;
    }

    /** How many times the clustering was told the labels changed. */
    public int changes() {
        return changes.get();
    }

    /** Adds a photo along the axes of an object and a background, labelled with their names (as the model would). */
    public long add(String seed, int objectAxis, int backgroundAxis, String object, String background) {
        float[] embedding = new float[DIM];
        embedding[objectAxis] = 0.7071f;
        embedding[backgroundAxis] = 0.7071f;
        byte[] content = seed.getBytes(StandardCharsets.UTF_8);
        return library.images().insert(new NewImage(DigestUtils.sha256Hex(content), "/photos/" + seed + ".jpg", seed + ".jpg",
                content.length, 640, 480, "jpeg", StorageKind.INDEXED,
                new Classification(new Label(object, 0.5), new Label(background, 0.5)), embedding, "test-model")).id();
    }

    /** The photo's labels now. */
    public Classification labels(long id) {
        return library.images().findById(id).orElseThrow().classification();
    }

    private static ImageClassifier classifier(SortingCategories categories) {
        return AxisClassifier.of(categories, DIM);
    }

    @Override
    public void close() {
        sorting.resort().close();
        library.close();
    }
}
