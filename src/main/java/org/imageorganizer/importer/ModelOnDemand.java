package org.imageorganizer.importer;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
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
 * model nor the native engines. A front end that imports again and again on one model (the window)
 * gives each import {@link #withNewClassifier()}: the same load, the labels as they are then.
 */
public final class ModelOnDemand implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelOnDemand.class);

    private final ModelManifest manifest;
    private final Load load;
    private final Function<ClipModel, ImageClassifier> classify;
    private final boolean owned;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CompletableFuture<ImageClassifier> classifier = new CompletableFuture<>();
    private final ClipModel waiting = new WaitingModel();

    /**
     * @param manifest the model folder's manifest (known without loading anything)
     * @param loader   loads the model (on a background thread); this object closes what it returns
     * @param classify builds the classifier on the loaded model (its label embeddings, cached on disk)
     */
    public ModelOnDemand(ModelManifest manifest, Supplier<ClipModel> loader, Function<ClipModel, ImageClassifier> classify) {
        this(manifest, new Load(manifest, loader), classify, true);
    }

    private ModelOnDemand(ModelManifest manifest, Load load, Function<ClipModel, ImageClassifier> classify, boolean owned) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.load = load;
        this.classify = classify;
        this.owned = owned;
    }

    /**
     * The classifier of a model loaded already, which an embedder holds: nothing to load or wait for.
     * Its owner closes the model, not this object; {@link #model()} is not for use.
     */
    static ModelOnDemand loaded(ModelManifest manifest, ImageClassifier classifier) {
        Load held = new Load(manifest, () -> null);
        held.started.set(true);
        held.model.completeExceptionally(new IllegalStateException("the model is held by the embedder"));
        ModelOnDemand loaded = new ModelOnDemand(manifest, held, m -> classifier, false);
        loaded.requested.set(true);
        loaded.classifier.complete(classifier);
        return loaded;
    }

    /**
     * The same model for another import: one load between them (started by whichever asks first, and
     * freed by this object's {@link #close()}, not the other's), and a classifier built anew when that
     * import asks for it, from what the classify function gives then (the labels may have changed).
     */
    public ModelOnDemand withNewClassifier() {
        return new ModelOnDemand(manifest, load, classify, false);
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
        load.start();
        if (requested.compareAndSet(false, true)) {
            load.model.whenComplete((model, failure) -> {
                if (failure != null) {
                    classifier.completeExceptionally(unwrap(failure));
                    return;
                }
                try {
                    classifier.complete(classify.apply(model));
                } catch (RuntimeException | Error e) {
                    LOG.warn("The labels of the model {} could not be prepared: {}", manifest.modelId(), e.toString());
                    classifier.completeExceptionally(e);
                }
            });
        }
    }

    /** Whether this object asked for the model (which is then loading, loaded, or failed to load). */
    public boolean requested() {
        return requested.get();
    }

    /** Whether the model is loaded already: asking for it now costs no wait (the classifier may still be made). */
    public boolean ready() {
        return done(classifier) || done(load.model);
    }

    /** Runs {@code action} once the load has ended, ready or failed (on the thread that ended it, or now). */
    public void whenSettled(Runnable action) {
        classifier.whenComplete((ready, failure) -> action.run());
    }

    /** Runs {@code action} once the classifier is ready (on the thread that made it, or now); never when the load fails. */
    public void whenReady(Runnable action) {
        classifier.thenRun(action);
    }

    private static boolean done(CompletableFuture<?> future) {
        return future.isDone() && !future.isCompletedExceptionally();
    }

    /** Why the model could not be loaded, once that is known; null while it loads, once it is ready, or when it was never asked for. */
    public Throwable loadFailure() {
        if (done(classifier)) {
            return null;
        }
        Throwable failure = Futures.failure(classifier);
        return failure != null ? failure : Futures.failure(load.model);
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
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

    /**
     * Frees the model if this object loaded it, after waiting for a load under way (a native load cannot
     * be cut short); the objects {@link #withNewClassifier()} made leave it to this one.
     */
    @Override
    public void close() {
        if (!owned || !load.started.get()) {
            return;
        }
        if (requested.get()) {
            // its labels are encoded on the loading thread once the model is there: let that end first
            classifier.exceptionally(failure -> null).join();
        }
        try {
            load.model.join().close();
        } catch (CompletionException | CancellationException e) {
            // nothing was loaded
        }
    }

    /** The one load of a model, on a background thread, started by the first who asks. */
    private static final class Load {
        private final ModelManifest manifest;
        private final Supplier<ClipModel> loader;
        private final AtomicBoolean started = new AtomicBoolean();
        private final CompletableFuture<ClipModel> model = new CompletableFuture<>();

        Load(ModelManifest manifest, Supplier<ClipModel> loader) {
            this.manifest = manifest;
            this.loader = loader;
        }

        void start() {
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
                LOG.info("Model {} loaded for the import in {} ms", manifest.modelId(), (System.nanoTime() - start) / 1_000_000);
                model.complete(loaded);
            } catch (RuntimeException | Error e) {
                LOG.warn("The model {} could not be loaded: {}", manifest.modelId(), e.toString());
                model.completeExceptionally(e);
            }
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
            return Futures.join(load.model).embedImages(pixels, count);
        }

        @Override
        public float[][] embedTexts(List<String> texts) {
            load();
            return Futures.join(load.model).embedTexts(texts);
        }

        @Override
        public void close() {
            ModelOnDemand.this.close();
        }
    }
}
