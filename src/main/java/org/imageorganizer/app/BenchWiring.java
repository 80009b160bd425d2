package org.imageorganizer.app;

import java.nio.file.Path;
import org.imageorganizer.bench.BenchServices;
import org.imageorganizer.config.Environment;
import org.imageorganizer.config.Settings;
import org.imageorganizer.importer.ImportOptions;
import org.imageorganizer.importer.ImportPipeline;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.DjlClipModel;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.store.Library;

/** The benchmarks' view of the application: the same model loading and pipeline as {@code organize}. */
final class BenchWiring implements BenchServices {
    private final Environment environment;
    private final Settings settings;

    BenchWiring(Environment environment, Settings settings) {
        this.environment = environment;
        this.settings = settings;
    }

    @Override
    public ClipModel loadModel(Path modelDir) {
        return DjlClipModel.load(ModelFolder.open(modelDir));
    }

    @Override
    public ImportPipeline pipeline(ClipModel model, Library library, int views, ImportOptions options) {
        return new PipelineAssembly(environment, settings).build(model, library, views, LibraryObserver.NONE, options);
    }
}
