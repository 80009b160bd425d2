package org.imageorganizer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.ml.PromptEnsemble;
import org.imageorganizer.ml.TestTimeAugmenter;
import org.imageorganizer.model.LabelSettings;

/**
 * The bench photos as learning data: each photo's category is the source picture it was cut from (the
 * manifest of {@code scripts/make_bench_photos.py --manifest}), each category's name that picture's file
 * name, encoded with the default object prompts; the photos are embedded by the model with one view, as
 * an import without test-time augmentation does.
 */
final class LearningPhotos {
    private static final int BATCH = 8;
    private static final String SEED_HASH = "0000000000000000";

    private LearningPhotos() {
    }

    static LearningData load(ClipModel model, Path photos, Path manifest) throws IOException {
        Map<String, Integer> categories = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (String line : Files.readAllLines(manifest)) {
            String[] parts = line.split("\t");
            if (parts.length != 2) {
                continue;
            }
            Path file = photos.resolve(parts[0]);
            if (!Files.isRegularFile(file)) {
                throw new IOException("the manifest names " + parts[0] + ", which is not in " + photos);
            }
            files.add(file);
            truth.add(categories.computeIfAbsent(name(parts[1]), k -> categories.size()));
        }
        if (categories.size() < 2) {
            throw new IOException("the manifest " + manifest + " names fewer than two source pictures");
        }
        List<String> names = List.copyOf(categories.keySet());
        float[][] texts = new PromptEnsemble(LabelSettings.defaults().objectTemplates()).embed(model, names);
        ImageEmbedder embedder = new ImageEmbedder(model, new TestTimeAugmenter(1));
        SafeImageDecoder decoder = new SafeImageDecoder();
        float[][] embeddings = new float[files.size()][];
        for (int from = 0; from < files.size(); from += BATCH) {
            List<float[]> batch = new ArrayList<>();
            for (int i = from; i < Math.min(files.size(), from + BATCH); i++) {
                try {
                    batch.add(embedder.prepare(decoder.decode(files.get(i), model.manifest().imageSize()).image(), SEED_HASH));
                } catch (ImageRejectedException e) {
                    throw new IOException("cannot read " + files.get(i) + ": " + e.getMessage(), e);
                }
            }
            float[][] out = embedder.embed(batch);
            System.arraycopy(out, 0, embeddings, from, out.length);
        }
        return new LearningData(embeddings, truth.stream().mapToInt(Integer::intValue).toArray(), texts, names);
    }

    /** "/usr/share/backgrounds/gnome/wood-d.webp" → "wood d". */
    private static String name(String source) {
        String file = Path.of(source).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return (dot > 0 ? file.substring(0, dot) : file).replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
