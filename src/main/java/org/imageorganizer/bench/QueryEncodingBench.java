package org.imageorganizer.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ModelManifest;
import org.imageorganizer.ml.QueryEncoder;

/**
 * The text side of a search (issue 17): one new query's prompts encoded in one batch by the model's
 * text encoder, per model variant. Every timed query is a text not asked before, so no cache answers;
 * a repeated query costs no model call and is timed by the search rows instead.
 */
final class QueryEncodingBench {
    private static final List<String> SUBJECTS = List.of("a dog on the beach", "a red car in the snow", "two cats on a sofa",
            "a birthday cake with candles", "mountains at sunset", "a child riding a bike", "a plate of pasta",
            "a city street at night");

    private final Function<Path, ClipModel> models;
    private final int queries;

    /**
     * @param models  loads a model folder as the application does
     * @param queries timed queries per variant, after a quarter as many untimed ones
     */
    QueryEncodingBench(Function<Path, ClipModel> models, int queries) {
        this.models = models;
        this.queries = queries;
    }

    /** One variant's figures: the first query after loading, then the timed new queries. */
    record Row(String variant, double firstMs, Latencies latencies) {
    }

    List<Row> run(List<Path> modelDirs) {
        List<Row> rows = new ArrayList<>();
        for (Path dir : modelDirs) {
            try (ClipModel model = models.apply(dir)) {
                QueryEncoder encoder = new QueryEncoder(model);
                int n = 0;
                long t0 = System.nanoTime();
                encoder.encode(query(n++));
                double firstMs = (System.nanoTime() - t0) / 1e6;
                for (int i = 0; i < Math.max(1, queries / 4); i++) {
                    encoder.encode(query(n++));
                }
                long[] nanos = new long[queries];
                for (int i = 0; i < queries; i++) {
                    String text = query(n++);
                    long start = System.nanoTime();
                    encoder.encode(text);
                    nanos[i] = System.nanoTime() - start;
                }
                rows.add(new Row(variant(model.manifest()), firstMs, Latencies.ofNanos(nanos)));
            }
        }
        return rows;
    }

    /** A text no earlier call asked: a subject and a number, so the encoder's cache never answers. */
    private static String query(int n) {
        return SUBJECTS.get(n % SUBJECTS.size()) + " " + n;
    }

    private static String variant(ModelManifest manifest) {
        return manifest.engine() + " " + manifest.precision();
    }
}
