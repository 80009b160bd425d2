package org.imageorganizer.testing;

import java.util.List;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ZeroShotClassifier;
import org.imageorganizer.model.Category;
import org.imageorganizer.model.SortingCategories;

/**
 * A stand-in for the model's text encoder in tests of sorting: each category's text embedding is the unit vector of
 * the axis its words name ("axis 2"), or of the first axis when it has none.
 */
public final class AxisClassifier {
    private AxisClassifier() {
    }

    /** The classifier of these categories in a space of {@code dimensions} axes. */
    public static ImageClassifier of(SortingCategories categories, int dimensions) {
        return new ImageClassifier(zeroShot(categories.objects(), categories.threshold(), dimensions),
                zeroShot(categories.backgrounds(), categories.threshold(), dimensions));
    }

    private static ZeroShotClassifier zeroShot(List<Category> categories, double threshold, int dimensions) {
        float[][] texts = new float[categories.size()][];
        for (int i = 0; i < texts.length; i++) {
            String words = categories.get(i).words();
            texts[i] = new float[dimensions];
            texts[i][words != null && words.startsWith("axis ") ? Integer.parseInt(words.substring(5)) : 0] = 1;
        }
        return new ZeroShotClassifier(categories.stream().map(Category::name).toList(), texts, 100, threshold);
    }
}
