package org.imageorganizer.ml;

import java.util.ArrayList;
import java.util.List;

/**
 * Label text embeddings by prompt ensembling: each label is written into every template
 * ("a photo of a {}."), the normalised text embeddings are averaged and normalised again.
 */
public final class PromptEnsemble {
    private final List<String> templates;

    public PromptEnsemble(List<String> templates) {
        if (templates.isEmpty() || templates.stream().anyMatch(t -> !t.contains("{}"))) {
            throw new IllegalArgumentException("every prompt template needs a {} placeholder: " + templates);
        }
        this.templates = List.copyOf(templates);
    }

    public List<String> templates() {
        return templates;
    }

    /** One L2-normalised embedding per label, computed with one model call for all prompts. */
    public float[][] embed(ClipModel model, List<String> labels) {
        List<String> prompts = new ArrayList<>(labels.size() * templates.size());
        for (String label : labels) {
            for (String template : templates) {
                prompts.add(template.replace("{}", label));
            }
        }
        float[][] raw = model.embedTexts(prompts);
        float[][] out = new float[labels.size()][];
        for (int l = 0; l < labels.size(); l++) {
            float[][] normalized = new float[templates.size()][];
            for (int t = 0; t < templates.size(); t++) {
                normalized[t] = EmbeddingMath.normalized(raw[l * templates.size() + t]);
            }
            out[l] = EmbeddingMath.normalized(EmbeddingMath.mean(normalized, 0, normalized.length));
        }
        return out;
    }
}
