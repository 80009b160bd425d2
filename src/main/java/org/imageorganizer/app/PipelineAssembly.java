package org.imageorganizer.app;

import org.imageorganizer.config.Environment;
import org.imageorganizer.config.Settings;
import org.imageorganizer.imaging.ImageLimits;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.importer.ImportOptions;
import org.imageorganizer.importer.ImportPipeline;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.ml.LabelEmbeddingCache;
import org.imageorganizer.ml.TestTimeAugmenter;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.Library;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.StorageRouter;

/** Builds the import pipeline from a loaded model and the settings; shared by {@code organize} and {@code bench}. */
final class PipelineAssembly {
    private final Environment environment;
    private final Settings settings;

    PipelineAssembly(Environment environment, Settings settings) {
        this.environment = environment;
        this.settings = settings;
    }

    /** Where the library's image files are: originals in place, uploads in the managed folder. */
    static StorageRouter storage(Environment environment) {
        return new StorageRouter(new IndexedFiles(), new ManagedFolder(environment.managedStorageDir()));
    }

    ImportPipeline build(ClipModel model, Library library, int views, LibraryObserver observer,
            ImportOptions options) {
        library.info().claimModel(model.manifest().modelId());
        ImageClassifier classifier = ImageClassifier.create(model, settings.labels(),
                new LabelEmbeddingCache(environment.labelEmbeddingCacheDir()));
        ImageEmbedder embedder = new ImageEmbedder(model, new TestTimeAugmenter(views));
        SafeImageDecoder decoder = new SafeImageDecoder(
                new ImageLimits(settings.maxMegapixels() * 1_000_000L, ImageLimits.DEFAULT_MAX_FILE_BYTES));
        return new ImportPipeline(decoder, embedder, classifier, library.images(), storage(environment), observer, options);
    }
}
