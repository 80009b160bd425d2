package org.imageorganizer.importer;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.imageorganizer.common.Futures;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ModelManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An import's model, loaded only once a file needs it, and then in the background: the files are
 * walked, read, hashed and decoded meanwhile, and only the model stage waits. {@link #model()} is a
 * {@link ClipModel} whose manifest is there at once (an embedder built on it can prepare images before
 * the model is loaded) and whose embedding calls wait for the load; {@link #classifier()} waits too.
 * An import whose files are all in the library never calls {@link #load()}, so it never loads the
 * model nor the native engines.
 */
public final class ModelOnDemand implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelOnDemand.class);

    private final ModelManifest manifest;
    private final Supplier<ClipModel> loader;
    private final Function<ClipModel, ImageClassifier> classify;
    private final boolean owned;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<ClipModel> model = new CompletableFuture<>();
    private final CompletableFuture<ImageClassifier> classifier = new CompletableFuture<>();
    private final ClipModel waiting = new WaitingModel();

    /**
     * @param manifest the model folder's manifest (known without loading anything)
     * @param loader   loads the model (on a background thread); this object closes what it returns
     * @param classify builds the classifier on the loaded model (its label embeddings, cached on disk)
     */
    public ModelOnDemand(ModelManifest manifest, Supplier<ClipModel> loader, Function<ClipModel, ImageClassifier> classify) {
        this(manifest, loader, classify, true);
    }

    private ModelOnDemand(ModelManifest manifest, Supplier<ClipModel> loader, Function<ClipModel, ImageClassifier> classify,
            boolean owned) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.loader = loader;
        this.classify = classify;
        this.owned = owned;
    }

    /**
     * The classifier of a model loaded already, which an embedder holds: nothing to load or wait for.
     * Its owner closes the model, not this object; {@link #model()} is not for use.
     */
    static ModelOnDemand loaded(ModelManifest manifest, ImageClassifier classifier) {
        ModelOnDemand loaded = new ModelOnDemand(manifest, () -> null, m -> classifier, false);
        loaded.started.set(true);
        loaded.model.completeExceptionally(new IllegalStateException("the model is held by the embedder"));
        loaded.classifier.complete(classifier);
        return loaded;
    }

    /** The manifest of the model, without loading it. */
    public ModelManifest manifest() {
        return manifest;
    }

    /** The model to build an embedder on: its manifest at once, its embeddings once it is loaded (starting the load). */
    public ClipModel model() {
        return waiting;
    }

    /** Starts loading the model and its classifier in the background, unless that has begun already. */
    public void load() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(this::loadNow, "model-load");
        thread.setDaemon(true);
        thread.start();
    }

    private void loadNow() {
        long start = System.nanoTime();
        try {
            ClipModel loaded = loader.get();
            model.complete(loaded);
            classifier.complete(classify.apply(loaded));
            LOG.info("Model {} ready for the import in {} ms", manifest.modelId(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | Error e) {
            LOG.warn("The model {} could not be loaded: {}", manifest.modelId(), e.toString());
            classifier.completeExceptionally(e); // first: whoever fails for want of the model finds the reason here
            model.completeExceptionally(e);
        }
    }

    /** Whether the model was asked for (and so is loading, loaded, or failed to load). */
    public boolean requested() {
        return started.get();
    }

    /** Why the model could not be loaded, once that is known; null while it loads, once it is ready, or when it was never asked for. */
    public Throwable loadFailure() {
        return Futures.failure(classifier);
    }

    /**
     * The classifier on the loaded model; starts the load if needed and waits for it.
     *
     * @throws RuntimeException what the load threw (a {@code ModelException} with a sentence for the user)
     */
    public ImageClassifier classifier() {
        load();
        return Futures.join(classifier);
    }

    /** Frees the model if this object loaded it, after waiting for a load under way (a native load cannot be cut short). */
    @Override
    public void close() {
        if (!owned || !started.get()) {
            return;
        }
        try {
            model.join().close();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // nothing was loaded
        }
    }

    /** The model as the embedder sees it: the manifest now, the embeddings once loaded. */
    private final class WaitingModel implements ClipModel {
        @Override
        public ModelManifest manifest() {
            return manifest;
        }

        @Override
        public float[][] embedImages(float[] pixels, int count) {
            load();
            return Futures.join(model).embedImages(pixels, count);
        }

        @Override
        public float[][] embedTexts(List<String> texts) {
            load();
            return Futures.join(model).embedTexts(texts);
        }

        @Override
        public void close() {
            ModelOnDemand.this.close();
        }
    }
}
