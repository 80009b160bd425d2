package org.imageorganizer.ml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.imageorganizer.common.BackgroundThreads;

/**
 * Suggested names for clusters: the vocabulary kept in the program ({@value #RESOURCE}, a few thousand
 * everyday things, scenes and events; ADR 0045) is encoded once per model with a small prompt ensemble
 * and cached on disk like the label embeddings ({@link LabelEmbeddingCache}); a cluster's suggestion is
 * the term whose text embedding is nearest the normalised mean of the cluster's photo embeddings.
 * Matching is a dot product per term: a few thousand per cluster, well under a millisecond.
 */
public final class NameSuggester {
    /** The vocabulary, beside this class. */
    public static final String RESOURCE = "name-vocabulary.txt";
    /** The prompts each term is written into; terms are things and scenes, so no article. */
    public static final List<String> TEMPLATES = List.of("a photo of {}.", "a picture of {}.");
    /** Terms per model call when encoding the vocabulary, so that a real model's activations stay small. */
    static final int TERMS_PER_CALL = 64;

    /** A suggested name and its cosine with the cluster's mean embedding. */
    public record Suggestion(String name, double score) {
    }

    private final List<String> terms;
    private final float[][] embeddings;

    /**
     * @param terms      the vocabulary
     * @param embeddings one L2-normalised text embedding per term
     */
    public NameSuggester(List<String> terms, float[][] embeddings) {
        if (terms.isEmpty() || terms.size() != embeddings.length) {
            throw new IllegalArgumentException("need one embedding per term, got " + terms.size() + " terms and "
                    + embeddings.length + " embeddings");
        }
        this.terms = List.copyOf(terms);
        this.embeddings = embeddings.clone();
    }

    /** The vocabulary kept in the program, in file order, each term once. */
    public static List<String> vocabulary() {
        try (InputStream in = NameSuggester.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the name vocabulary " + RESOURCE + " is missing from the program");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> terms = new LinkedHashSet<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String term = line.strip();
                if (!term.isEmpty() && !term.startsWith("#")) {
                    terms.add(term);
                }
            }
            return List.copyOf(terms);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the name vocabulary", e);
        }
    }

    /**
     * The suggester for this model: the vocabulary's embeddings from the cache, else computed now (seconds to
     * a minute with a real model, so call it off the FX thread and off request threads; see {@link #inBackground}).
     */
    public static NameSuggester forModel(ClipModel model, LabelEmbeddingCache cache) {
        List<String> terms = vocabulary();
        PromptEnsemble prompts = new PromptEnsemble(TEMPLATES);
        float[][] embeddings = cache.get(model.manifest().modelId(), terms, prompts.templates(), () -> {
            float[][] out = new float[terms.size()][];
            for (int from = 0; from < terms.size(); from += TERMS_PER_CALL) {
                if (Thread.currentThread().isInterrupted()) { // the process stops: nothing is cached, the next start goes on
                    throw new IllegalStateException("the vocabulary's encoding was stopped");
                }
                List<String> chunk = terms.subList(from, Math.min(terms.size(), from + TERMS_PER_CALL));
                System.arraycopy(prompts.embed(model, chunk), 0, out, from, chunk.size());
            }
            return out;
        });
        return new NameSuggester(terms, embeddings);
    }

    /** The suggester for this model if its vocabulary's embeddings are cached already (nothing is computed). */
    public static java.util.Optional<NameSuggester> cached(String modelId, LabelEmbeddingCache cache) {
        List<String> terms = vocabulary();
        return cache.find(modelId, terms, new PromptEnsemble(TEMPLATES).templates())
                .map(embeddings -> new NameSuggester(terms, embeddings));
    }

    /**
     * {@link #forModel} on a background thread of low priority; the caller keeps the model open until the
     * future completes. Until then, clusters have no suggested name.
     */
    public static CompletableFuture<NameSuggester> inBackground(ClipModel model, LabelEmbeddingCache cache) {
        ExecutorService thread = Executors.newSingleThreadExecutor(BackgroundThreads.factory("name-vocabulary"));
        CompletableFuture<NameSuggester> future = inBackground(model, cache, thread);
        thread.shutdown();
        return future;
    }

    /** {@link #forModel} on the given executor. */
    public static CompletableFuture<NameSuggester> inBackground(ClipModel model, LabelEmbeddingCache cache, Executor executor) {
        return CompletableFuture.supplyAsync(() -> forModel(model, cache), executor);
    }

    /** How many terms the vocabulary has. */
    public int size() {
        return terms.size();
    }

    /**
     * The {@code count} best names for a cluster, best first.
     *
     * @param photos the L2-normalised embeddings of the cluster's photos (at least one)
     */
    public List<Suggestion> suggest(Collection<float[]> photos, int count) {
        if (photos.isEmpty()) {
            throw new IllegalArgumentException("a cluster without photos has no name");
        }
        EmbeddingCentre mean = new EmbeddingCentre();
        photos.forEach(mean::add);
        return suggestFor(EmbeddingMath.normalized(mean.centre()), count);
    }

    /** The {@code count} best names for an L2-normalised mean embedding, best first. */
    public List<Suggestion> suggestFor(float[] meanEmbedding, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        int n = Math.min(count, terms.size());
        int[] best = new int[n];
        double[] scores = new double[n];
        int kept = 0;
        for (int t = 0; t < embeddings.length; t++) {
            double score = EmbeddingMath.dot(meanEmbedding, embeddings[t]);
            if (kept < n || score > scores[kept - 1]) {
                int at = kept < n ? kept++ : n - 1;
                while (at > 0 && scores[at - 1] < score) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = score;
                best[at] = t;
            }
        }
        List<Suggestion> out = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            out.add(new Suggestion(terms.get(best[i]), scores[i]));
        }
        return out;
    }
}
