package org.imageorganizer.app;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.model.ExplainedException;
import org.imageorganizer.services.BackgroundResort;
import org.imageorganizer.services.LabelCorrecting;
import org.imageorganizer.services.LibraryCategories;
import org.imageorganizer.services.LibraryResort;
import org.imageorganizer.services.LibrarySorting;
import org.imageorganizer.store.LibraryDatabase;

/**
 * Sorting by hand in a long-running process (the server, the window): corrections, categories, and a background
 * re-sort after each change of categories that first points the uploads' classifier at the new categories.
 */
final class ServerSorting {
    /** A re-sort asked for while the model loads waits this long for it. */
    private static final Duration MODEL_WAIT = Duration.ofMinutes(10);

    private ServerSorting() {
    }

    /**
     * @param model      the model once loaded (null until then)
     * @param classifier the classifier the uploads use once the model is loaded (null until then)
     * @param stopping   whether the process is stopping (a waiting re-sort gives up)
     */
    static LibrarySorting of(Core core, LibraryDatabase library, LibraryClusterer clusterer, AtomicReference<ClipModel> model,
            AtomicReference<ImageClassifier> classifier, BooleanSupplier stopping) {
        SortingClassifiers classifiers = core.classifiers();
        LibraryResort resort = new LibraryResort(library, sorting -> classifiers.of(await(model, stopping), sorting, library), clusterer);
        BackgroundResort background = new BackgroundResort(resort, () -> {
            ImageClassifier uploads = classifier.get();
            if (uploads != null) {
                uploads.follow(classifiers.of(await(model, stopping), library));
            }
        });
        return new LibrarySorting(new LabelCorrecting(library, clusterer), new LibraryCategories(library), background);
    }

    private static ClipModel await(AtomicReference<ClipModel> model, BooleanSupplier stopping) {
        long deadline = System.nanoTime() + MODEL_WAIT.toNanos();
        while (model.get() == null) {
            if (stopping.getAsBoolean() || System.nanoTime() > deadline) {
                throw new ExplainedException("The recognition model is not loaded, so the library cannot be sorted again yet.");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExplainedException("The server is stopping; the library was not sorted again.");
            }
        }
        return model.get();
    }
}
