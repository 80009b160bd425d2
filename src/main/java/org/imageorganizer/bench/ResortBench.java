package org.imageorganizer.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiFunction;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.ml.EmbeddingMath;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ZeroShotClassifier;
import org.imageorganizer.model.Category;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.model.SortingCategories;
import org.imageorganizer.services.LibraryResort;
import org.imageorganizer.store.ImageLabels;
import org.imageorganizer.store.LibraryDatabase;

/**
 * The {@code resort} part (issue 18): re-sorting a synthetic library of {@code images} photos (the REST part's
 * embeddings) with the default categories, whose text embeddings are seeded random unit vectors (the cost of a
 * classification does not depend on what the vectors mean; no model is loaded). Times the classification of every
 * stored embedding held in memory, then two whole re-sorts through the database: the first, after which every photo
 * changes (the synthetic labels are not category names), and one after a category was added.
 */
final class ResortBench {
    private static final long SEED = 18;

    record Result(int images, double buildSeconds, double inMemoryClassifySeconds, LibraryResort.Summary first,
            LibraryResort.Summary afterAdding) {
    }

    private ResortBench() {
    }

    static Result run(Path work, int images, BiFunction<LibraryDatabase, ClusterSettings, LibraryClusterer> clusterers) {
        Stopwatch build = new Stopwatch();
        RestLibrary.Built built = RestLibrary.build(work.resolve("resort-" + images + ".mv.db"), images, SEED, clusterers);
        double buildSeconds = build.seconds();
        try (LibraryDatabase library = LibraryDatabase.open(built.database())) {
            LibraryResort resort = new LibraryResort(library, ResortBench::classifier, () -> { });
            List<float[]> embeddings = new ArrayList<>(images);
            library.labels().forEach((ImageLabels.Stored photo) -> embeddings.add(photo.embedding()));
            ImageClassifier classifier = classifier(resort.categories());
            Stopwatch inMemory = new Stopwatch();
            LibraryResort.classifyAll(classifier, embeddings);
            double inMemorySeconds = inMemory.seconds();
            LibraryResort.Summary first = resort.resort();
            library.categories().add(CategoryKind.OBJECT, "my bike", "a red road bike");
            LibraryResort.Summary afterAdding = resort.resort();
            return new Result(images, buildSeconds, inMemorySeconds, first, afterAdding);
        }
    }

    /** Random unit text embeddings, one per category, seeded by its description. */
    private static ImageClassifier classifier(SortingCategories categories) {
        return new ImageClassifier(zeroShot(categories.objects(), categories.threshold()),
                zeroShot(categories.backgrounds(), categories.threshold()));
    }

    private static ZeroShotClassifier zeroShot(List<Category> categories, double threshold) {
        float[][] texts = new float[categories.size()][];
        for (int i = 0; i < texts.length; i++) {
            Random random = new Random(categories.get(i).description().hashCode());
            float[] v = new float[RestLibrary.DIMENSION];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            texts[i] = EmbeddingMath.normalized(v);
        }
        return new ZeroShotClassifier(categories.stream().map(Category::name).toList(), texts, 100, threshold);
    }

    static void print(PrintWriter out, List<Result> results) {
        out.println();
        out.println("## Re-sorting (issue 18): every stored embedding classified again with the library's categories");
        out.println();
        out.println("| images | classify in memory | first re-sort: read + classify / write (changed) | after adding a category: read + classify / write (changed) | target |");
        out.println("|---:|---:|---|---|---|");
        for (Result r : results) {
            out.printf(Locale.ROOT, "| %,d | %.2f s | %.2f / %.2f s (%,d) | %.2f / %.2f s (%,d) | in memory ≤ 2 s: %s |%n", r.images(),
                    r.inMemoryClassifySeconds(), r.first().computeMillis() / 1000.0, r.first().writeMillis() / 1000.0,
                    r.first().changed(), r.afterAdding().computeMillis() / 1000.0, r.afterAdding().writeMillis() / 1000.0,
                    r.afterAdding().changed(), r.inMemoryClassifySeconds() <= 2.0 ? "met" : "NOT met");
        }
        out.flush();
    }
}
