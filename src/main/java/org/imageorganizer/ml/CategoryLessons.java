package org.imageorganizer.ml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.CorrectedPhoto;

/**
 * What the user taught each category by correcting photos (ADR 0042, 0044): for every category of each kind, the
 * embeddings of the photos put in it and of those moved out of it, and the centre of the library's embeddings they
 * are measured from.
 */
public final class CategoryLessons {
    /** Nothing taught: the classifier is the zero-shot one. */
    public static final CategoryLessons NONE = new CategoryLessons(new float[0], Map.of());

    private final float[] centre;
    private final Map<CategoryKind, Map<String, FewShotReferences.Corrections>> byKind;

    private CategoryLessons(float[] centre, Map<CategoryKind, Map<String, FewShotReferences.Corrections>> byKind) {
        this.centre = centre.clone();
        this.byKind = byKind;
    }

    /**
     * The lessons of these corrected photos: each is a positive of its chosen category and, when the model had put it
     * elsewhere, a negative of the model's category.
     *
     * @param centre the mean of the library's embeddings (or of an even sample of them)
     */
    public static CategoryLessons of(float[] centre, List<CorrectedPhoto> lessons) {
        Map<CategoryKind, Map<String, List<float[]>>> positives = new HashMap<>();
        Map<CategoryKind, Map<String, List<float[]>>> negatives = new HashMap<>();
        for (CorrectedPhoto lesson : lessons) {
            positives.computeIfAbsent(lesson.kind(), k -> new HashMap<>())
                    .computeIfAbsent(lesson.chosen(), n -> new java.util.ArrayList<>()).add(lesson.embedding());
            if (lesson.predicted() != null && !lesson.predicted().equals(lesson.chosen())) {
                negatives.computeIfAbsent(lesson.kind(), k -> new HashMap<>())
                        .computeIfAbsent(lesson.predicted(), n -> new java.util.ArrayList<>()).add(lesson.embedding());
            }
        }
        Map<CategoryKind, Map<String, FewShotReferences.Corrections>> byKind = new HashMap<>();
        for (CategoryKind kind : CategoryKind.values()) {
            Map<String, List<float[]>> in = positives.getOrDefault(kind, Map.of());
            Map<String, List<float[]>> out = negatives.getOrDefault(kind, Map.of());
            Map<String, FewShotReferences.Corrections> taught = new HashMap<>();
            java.util.Set<String> names = new java.util.HashSet<>(in.keySet());
            names.addAll(out.keySet());
            for (String name : names) {
                taught.put(name, new FewShotReferences.Corrections(in.getOrDefault(name, List.of()), out.getOrDefault(name, List.of())));
            }
            byKind.put(kind, taught);
        }
        return new CategoryLessons(centre, byKind);
    }

    /** What the user taught the category of this kind and name ({@link FewShotReferences.Corrections#NONE} for nothing). */
    public FewShotReferences.Corrections of(CategoryKind kind, String name) {
        return byKind.getOrDefault(kind, Map.of()).getOrDefault(name, FewShotReferences.Corrections.NONE);
    }

    /** The centre the lessons are measured from. */
    public float[] centre() {
        return centre.clone();
    }
}
