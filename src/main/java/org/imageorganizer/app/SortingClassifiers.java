package org.imageorganizer.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.imageorganizer.ml.CategoryLessons;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.EmbeddingCentre;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.LabelEmbeddingCache;
import org.imageorganizer.model.CorrectedPhoto;
import org.imageorganizer.model.LabelSettings;
import org.imageorganizer.model.SortingCategories;
import org.imageorganizer.services.LibraryResort;
import org.imageorganizer.store.LibraryDatabase;

/**
 * The zero-shot classifiers the imports and re-sorts use (ADR 0042): a library's own categories and threshold, the
 * prompt templates of the settings, the categories' text embeddings cached on disk per model and description.
 */
final class SortingClassifiers {
    private final Supplier<LabelSettings> templates;
    private final Path cacheDir;

    /**
     * @param templates the settings' labels, read for their prompt templates when a classifier is made
     * @param cacheDir  where the categories' text embeddings are cached
     */
    SortingClassifiers(Supplier<LabelSettings> templates, Path cacheDir) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
    }

    /** The library's embeddings read to place its centre, which learning measures from. */
    static final int CENTRE_SAMPLE = 2_000;

    /** The classifier of the library's categories as they are now, with what its corrections taught them. */
    ImageClassifier of(ClipModel model, LibraryDatabase library) {
        return of(model, LibraryResort.categoriesOf(library), library);
    }

    /**
     * The classifier of these categories, with what the library's corrections taught them (ADR 0044); the model
     * embeds only descriptions not cached yet.
     */
    ImageClassifier of(ClipModel model, SortingCategories categories, LibraryDatabase library) {
        LabelSettings labels = templates.get();
        List<CorrectedPhoto> corrected = library.labels().lessons();
        CategoryLessons lessons = corrected.isEmpty() ? CategoryLessons.NONE
                : CategoryLessons.of(EmbeddingCentre.of(library.labels().sample(CENTRE_SAMPLE)), corrected);
        return ImageClassifier.create(model, categories, labels.objectTemplates(), labels.backgroundTemplates(),
                new LabelEmbeddingCache(cacheDir), lessons);
    }
}
