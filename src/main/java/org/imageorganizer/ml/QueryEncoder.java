package org.imageorganizer.ml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a search text ("a dog on the beach") into a query embedding with the model's text encoder:
 * the text as written and in two photo prompts, encoded in one batch, each normalised, averaged and
 * normalised again (a small prompt ensemble, as the labels get). Texts are compared after trimming,
 * collapsing spaces and lower-casing (CLIP's tokenizer lower-cases anyway), and the last
 * {@value #CACHED} are kept, so a repeated query costs no model call. Thread-safe. CLIP was trained
 * on English captions: other languages get poor results.
 */
public final class QueryEncoder {
    /** At most three prompts per query, one model call. */
    static final List<String> TEMPLATES = List.of("{}", "a photo of {}.", "a picture of {}.");
    /** The longest query accepted, in characters: CLIP reads 77 tokens, a few hundred characters at most. */
    public static final int MAX_LENGTH = 300;
    static final int CACHED = 256;

    private final ClipModel model;
    private final Map<String, float[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHED;
        }
    };

    /** @param model the model whose text encoder embeds the queries; the caller keeps it open */
    public QueryEncoder(ClipModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The query as it is compared and cached, or an empty string when it holds no words. */
    public static String normalizedQuery(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * @return the L2-normalised query embedding (a copy the caller may keep)
     * @throws IllegalArgumentException when the text is blank or longer than {@link #MAX_LENGTH}
     */
    public float[] encode(String text) {
        String query = normalizedQuery(text);
        if (query.isEmpty()) {
            throw new IllegalArgumentException("the search text is empty");
        }
        if (query.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the search text is longer than " + MAX_LENGTH + " characters");
        }
        synchronized (cache) {
            float[] cached = cache.get(query);
            if (cached != null) {
                return cached.clone();
            }
        }
        float[] embedding = new PromptEnsemble(TEMPLATES).embed(model, List.of(query))[0];
        synchronized (cache) {
            cache.put(query, embedding);
        }
        return embedding.clone();
    }
}
