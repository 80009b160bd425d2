package org.imageorganizer.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.model.SortedLabels;
import org.imageorganizer.model.SortingCategories;
import org.imageorganizer.store.ImageLabels;
import org.imageorganizer.store.LibraryDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-sorts the library (ADR 0042): every photo is classified again from its stored embedding with the library's
 * current categories and threshold (no image model runs), the user's corrections win, and only the photos whose
 * labels changed are written; the clustering then recomputes the groups that changed. A photo whose labels did not
 * change keeps its stored confidences. One re-sort at a time.
 */
public final class LibraryResort {
    private static final Logger LOG = LoggerFactory.getLogger(LibraryResort.class);
    /** Photos classified at once, on every core; their embeddings are what a re-sort holds in memory. */
    private static final int CHUNK = 8_192;

    private final LibraryDatabase library;
    private final Function<SortingCategories, ImageClassifier> classifiers;
    private final LibraryObserver clustering;
    private final ReentrantLock running = new ReentrantLock();

    /** What a re-sort did. */
    public record Summary(int photos, int changed, long computeMillis, long writeMillis) {
    }

    /**
     * What a re-sort with other categories would do: how many photos it would move to another category (of either
     * kind). A photo whose category is only renamed does not move.
     */
    public record Preview(int photos, int moved) {
    }

    /**
     * @param classifiers the classifier of a set of categories (text embeddings cached, the model loaded if needed)
     * @param clustering  told when labels changed
     */
    public LibraryResort(LibraryDatabase library, Function<SortingCategories, ImageClassifier> classifiers,
            LibraryObserver clustering) {
        this.library = Objects.requireNonNull(library, "library");
        this.classifiers = Objects.requireNonNull(classifiers, "classifiers");
        this.clustering = Objects.requireNonNull(clustering, "clustering");
    }

    /** Whether a re-sort is running. */
    public boolean running() {
        return running.isLocked();
    }

    /** The categories and threshold the library sorts by now. */
    public SortingCategories categories() {
        return categoriesOf(library);
    }

    /** The categories and threshold a library sorts by now (what its imports and re-sorts classify with). */
    public static SortingCategories categoriesOf(LibraryDatabase library) {
        return SortingCategories.of(library.categories().all(), library.info().confidenceThreshold());
    }

    /** Classifies every photo again and writes the labels that changed. */
    public Summary resort() {
        running.lock();
        try {
            long start = System.nanoTime();
            if (library.images().count() == 0) {
                return new Summary(0, 0, 0, 0); // nothing to sort, and no model recorded to sort it with
            }
            ImageClassifier classifier = classifiers.apply(categories());
            Map<String, Map<CategoryKind, String>> corrections = library.labels().corrections();
            List<SortedLabels> changed = new ArrayList<>();
            int[] photos = {0};
            List<ImageLabels.Stored> chunk = new ArrayList<>(CHUNK);
            library.labels().forEach(photo -> {
                photos[0]++;
                chunk.add(photo);
                if (chunk.size() == CHUNK) {
                    changed.addAll(changedIn(chunk, classifier, corrections));
                    chunk.clear();
                }
            });
            changed.addAll(changedIn(chunk, classifier, corrections));
            long computed = System.nanoTime();
            int written = library.labels().write(changed);
            long end = System.nanoTime();
            if (written > 0) {
                clustering.libraryChanged();
            }
            Summary summary = new Summary(photos[0], written, (computed - start) / 1_000_000, (end - computed) / 1_000_000);
            LOG.info("Re-sorted {} photos: {} changed ({} ms to classify, {} ms to write)", summary.photos(),
                    summary.changed(), summary.computeMillis(), summary.writeMillis());
            return summary;
        } finally {
            running.unlock();
        }
    }

    /**
     * How many photos a re-sort with these categories would move, writing nothing: the categories as the user is
     * editing them, where a category that exists already keeps its id (renamed or described anew) and a new one has
     * an id the library does not use (0 or below). The user's corrections win as in a re-sort; those of a category
     * left out go with it.
     */
    public Preview preview(SortingCategories proposed) {
        if (library.images().count() == 0) {
            return new Preview(0, 0);
        }
        Renamed renamed = new Renamed(library.categories().all(), proposed);
        Map<String, Map<CategoryKind, String>> corrections = renamed.corrections(library.labels().corrections());
        ImageClassifier classifier = classifiers.apply(proposed);
        int[] counts = {0, 0};
        List<ImageLabels.Stored> chunk = new ArrayList<>(CHUNK);
        library.labels().forEach(photo -> {
            chunk.add(photo);
            if (chunk.size() == CHUNK) {
                counts[1] += movedIn(chunk, classifier, corrections, renamed);
                counts[0] += chunk.size();
                chunk.clear();
            }
        });
        counts[1] += movedIn(chunk, classifier, corrections, renamed);
        counts[0] += chunk.size();
        return new Preview(counts[0], counts[1]);
    }

    private static int movedIn(List<ImageLabels.Stored> chunk, ImageClassifier classifier,
            Map<String, Map<CategoryKind, String>> corrections, Renamed renamed) {
        Classification[] predicted = classifyAll(classifier, chunk.stream().map(ImageLabels.Stored::embedding).toList());
        int moved = 0;
        for (int i = 0; i < predicted.length; i++) {
            ImageLabels.Stored photo = chunk.get(i);
            Classification next = sorted(photo, predicted[i], corrections.get(photo.sha256())).classification();
            Classification now = photo.labels().classification();
            if (!next.object().name().equals(renamed.of(CategoryKind.OBJECT, now.object().name()))
                    || !next.background().name().equals(renamed.of(CategoryKind.BACKGROUND, now.background().name()))) {
                moved++;
            }
        }
        return moved;
    }

    /** The library's category names as the proposed categories call them (null for one left out). */
    private static final class Renamed {
        private final Map<CategoryKind, Map<String, String>> names = new java.util.EnumMap<>(CategoryKind.class);

        Renamed(List<org.imageorganizer.model.Category> current, SortingCategories proposed) {
            Map<Long, String> proposedNames = new java.util.HashMap<>();
            for (CategoryKind kind : CategoryKind.values()) {
                proposed.of(kind).forEach(c -> proposedNames.put(c.id(), c.name()));
                names.put(kind, new java.util.HashMap<>(Map.of(Label.OTHER, Label.OTHER)));
            }
            for (org.imageorganizer.model.Category category : current) {
                names.get(category.kind()).put(category.name(), proposedNames.get(category.id()));
            }
        }

        /** The proposed name of the category now named {@code name}; null when it is left out. */
        String of(CategoryKind kind, String name) {
            return names.get(kind).get(name);
        }

        /** The corrections as the proposed categories name them; those of a category left out are dropped. */
        Map<String, Map<CategoryKind, String>> corrections(Map<String, Map<CategoryKind, String>> stored) {
            Map<String, Map<CategoryKind, String>> out = new java.util.HashMap<>();
            stored.forEach((sha, chosen) -> chosen.forEach((kind, name) -> {
                String now = of(kind, name);
                if (now != null) {
                    out.computeIfAbsent(sha, k -> new java.util.EnumMap<>(CategoryKind.class)).put(kind, now);
                }
            }));
            return out;
        }
    }

    /** The photos of a chunk whose labels change, classified on every core while the next chunk is read. */
    private static List<SortedLabels> changedIn(List<ImageLabels.Stored> chunk, ImageClassifier classifier,
            Map<String, Map<CategoryKind, String>> corrections) {
        Classification[] predicted = classifyAll(classifier, chunk.stream().map(ImageLabels.Stored::embedding).toList());
        List<SortedLabels> changed = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            ImageLabels.Stored photo = chunk.get(i);
            SortedLabels next = sorted(photo, predicted[i], corrections.get(photo.sha256()));
            if (!sameLabels(next, photo.labels())) {
                changed.add(next);
            }
        }
        return changed;
    }

    /** Every embedding's labels, on all cores. */
    public static Classification[] classifyAll(ImageClassifier classifier, List<float[]> embeddings) {
        Classification[] out = new Classification[embeddings.size()];
        IntStream.range(0, out.length).parallel().forEach(i -> out[i] = classifier.classify(embeddings.get(i)));
        return out;
    }

    /** The labels a photo gets: the model's, where the user chose none. */
    static SortedLabels sorted(ImageLabels.Stored photo, Classification predicted, Map<CategoryKind, String> corrected) {
        return new SortedLabels(photo.labels().imageId(), new Classification(
                effective(predicted.object(), corrected, CategoryKind.OBJECT),
                effective(predicted.background(), corrected, CategoryKind.BACKGROUND)),
                predicted.object().name(), predicted.background().name());
    }

    private static Label effective(Label predicted, Map<CategoryKind, String> corrected, CategoryKind kind) {
        String chosen = corrected == null ? null : corrected.get(kind);
        return chosen == null ? predicted : new Label(chosen, predicted.confidence(), true);
    }

    /** Whether the names, whose they are and the model's choices are the same (confidences aside). */
    static boolean sameLabels(SortedLabels a, SortedLabels b) {
        return same(a.classification().object(), b.classification().object())
                && same(a.classification().background(), b.classification().background())
                && Objects.equals(a.predictedObject(), b.predictedObject())
                && Objects.equals(a.predictedBackground(), b.predictedBackground());
    }

    private static boolean same(Label a, Label b) {
        return Objects.equals(a.name(), b.name()) && a.byUser() == b.byUser();
    }
}
