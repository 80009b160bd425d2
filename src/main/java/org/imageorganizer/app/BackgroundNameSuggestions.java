package org.imageorganizer.app;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.common.BackgroundThreads;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.LabelEmbeddingCache;
import org.imageorganizer.ml.NameSuggester;
import org.imageorganizer.services.SuggestedClusterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suggested cluster names in a long-running process (ADR 0045): the model's vocabulary embeddings are computed once
 * (then cached) on a background thread, then every cluster without a suggestion gets one, now and after each
 * re-clustering. Closing it stops that thread before the model is closed.
 */
final class BackgroundNameSuggestions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundNameSuggestions.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(BackgroundThreads.factory("cluster-names"));
    private final SuggestedClusterNames names;
    private volatile NameSuggester suggester;

    private BackgroundNameSuggestions(SuggestedClusterNames names) {
        this.names = names;
    }

    /** Starts preparing the vocabulary with {@code model}, then suggests names for the clusters of the library. */
    static BackgroundNameSuggestions start(ClipModel model, Path cacheDir, SuggestedClusterNames names,
            LibraryClusterer clusterer) {
        BackgroundNameSuggestions background = new BackgroundNameSuggestions(names);
        background.run(() -> {
            background.suggester = NameSuggester.forModel(model, new LabelEmbeddingCache(cacheDir));
            background.suggestNow();
            clusterer.addRecomputedListener(() -> background.run(background::suggestNow));
        });
        return background;
    }

    private void suggestNow() {
        NameSuggester ready = suggester;
        if (ready != null) {
            names.suggest(ready);
        }
    }

    private void run(Runnable work) {
        try {
            thread.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("Names could not be suggested for the clusters: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            // closed: the process is stopping
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
