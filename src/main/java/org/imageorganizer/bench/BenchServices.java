package org.imageorganizer.bench;

import java.nio.file.Path;
import org.imageorganizer.importer.ImportOptions;
import org.imageorganizer.importer.ImportPipeline;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.store.Library;

/** What the benchmarks need from the application, built the same way as for {@code organize}; {@code app} provides it. */
public interface BenchServices {
    /** Loads and checks a model folder. */
    ClipModel loadModel(Path modelDir);

    /** An import pipeline exactly as {@code organize} builds it, on the given model and library. */
    ImportPipeline pipeline(ClipModel model, Library library, int views, ImportOptions options);
}
