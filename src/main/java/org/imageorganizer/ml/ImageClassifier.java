package org.imageorganizer.ml;

import org.imageorganizer.model.Category;
import org.imageorganizer.model.SortingCategories;

import org.imageorganizer.model.LabelSettings;

import java.util.List;
import org.imageorganizer.model.Classification;

/**
 * Gives an image embedding its object and background labels. A long-lived one (a server's uploads) can take the
 * categories of another ({@link #follow}) when the library's categories change, for the images it classifies next.
 */
public final class ImageClassifier {
    private record Pair(ZeroShotClassifier objects, ZeroShotClassifier backgrounds) {
    }

    private volatile Pair current;

    public ImageClassifier(ZeroShotClassifier objects, ZeroShotClassifier backgrounds) {
        this.current = new Pair(objects, backgrounds);
    }

    /** From now on, classifies as {@code other} does (both kinds at once). */
    public void follow(ImageClassifier other) {
        this.current = other.current;
    }

    /**
     * Builds both classifiers from a model, computing label embeddings once per model and label set
     * (then reading them from the cache).
     */
    public static ImageClassifier create(ClipModel model, LabelSettings labels, LabelEmbeddingCache cache) {
        return create(model, SortingCategories.of(labels), labels.objectTemplates(), labels.backgroundTemplates(), cache);
    }

    /**
     * Both classifiers from a library's categories (each described to the model by its words, else its name,
     * written into the templates) and its threshold; the text embeddings are cached per model and description.
     */
    public static ImageClassifier create(ClipModel model, SortingCategories categories, List<String> objectTemplates,
            List<String> backgroundTemplates, LabelEmbeddingCache cache) {
        return create(model, categories, objectTemplates, backgroundTemplates, cache, CategoryLessons.NONE);
    }

    /**
     * As {@link #create(ClipModel, SortingCategories, List, List, LabelEmbeddingCache)}, each category's reference
     * learnt from what the user taught it ({@link FewShotReferences}, ADR 0044).
     */
    public static ImageClassifier create(ClipModel model, SortingCategories categories, List<String> objectTemplates,
            List<String> backgroundTemplates, LabelEmbeddingCache cache, CategoryLessons lessons) {
        FewShotReferences learnt = new FewShotReferences(lessons.centre(), FewShotReferences.Weights.defaults(),
                model.manifest().logitScale());
        return new ImageClassifier(
                zeroShot(model, categories.objects(), objectTemplates, categories.threshold(), cache, learnt, lessons),
                zeroShot(model, categories.backgrounds(), backgroundTemplates, categories.threshold(), cache, learnt, lessons));
    }

    private static ZeroShotClassifier zeroShot(ClipModel model, List<Category> categories, List<String> templates,
            double threshold, LabelEmbeddingCache cache, FewShotReferences learnt, CategoryLessons lessons) {
        PromptEnsemble prompts = new PromptEnsemble(templates);
        List<String> descriptions = categories.stream().map(Category::description).toList();
        float[][] embeddings = cache.get(model.manifest().modelId(), descriptions, prompts.templates(),
                () -> prompts.embed(model, descriptions));
        return learnt.classifier(categories.stream().map(Category::name).toList(), embeddings,
                categories.stream().map(c -> lessons.of(c.kind(), c.name())).toList(), threshold);
    }

    /** Below this gap between the two most likely labels, an image counts as uncertain (adaptive TTA). */
    public static final double UNCERTAIN_MARGIN = 0.2;

    /** True when the object or the background label is a close call between the two most likely labels. */
    public boolean uncertain(float[] embedding) {
        Pair now = current;
        return now.objects().margin(embedding) < UNCERTAIN_MARGIN || now.backgrounds().margin(embedding) < UNCERTAIN_MARGIN;
    }

    public Classification classify(float[] embedding) {
        Pair now = current;
        return new Classification(now.objects().classify(embedding), now.backgrounds().classify(embedding));
    }

    public List<String> objectLabels() {
        return current.objects().labels();
    }
}
