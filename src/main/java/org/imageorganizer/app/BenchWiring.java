package org.imageorganizer.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.imageorganizer.bench.BenchServices;
import org.imageorganizer.cli.CliServices;
import org.imageorganizer.config.Environment;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.config.Settings;
import org.imageorganizer.importer.ImportOptions;
import org.imageorganizer.importer.ImportPipeline;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ClipModels;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.store.Library;

/** The benchmarks' view of the application: the same model loading, pipeline and server as {@code organize} and {@code serve}. */
final class BenchWiring implements BenchServices {
    /** Short, so that the server's start-up check of the clusters is over by the time the benchmark measures. */
    private static final Duration CLUSTER_DEBOUNCE = Duration.ofMillis(50);

    private final Environment environment;
    private final Settings settings;

    BenchWiring(Environment environment, Settings settings) {
        this.environment = environment;
        this.settings = settings;
    }

    @Override
    public ClipModel loadModel(Path modelDir) {
        return ClipModels.load(ModelFolder.open(modelDir));
    }

    @Override
    public ImportPipeline pipeline(ClipModel model, Library library, int views, ImportOptions options) {
        return new PipelineAssembly(environment, settings).build(model, library, views, LibraryObserver.NONE, options);
    }

    @Override
    public RunningServer startServer(Path database, Path storageDir, Path modelDir) {
        Library library = Library.open(database);
        CliServices.RunningServer server;
        try {
            server = new ServerWiring(environment, settings, library, ModelFolder.open(modelDir), storageDir,
                    CLUSTER_DEBOUNCE).start(ServerOptions.local(0));
        } catch (RuntimeException | Error e) {
            library.close();
            throw e;
        }
        URI url = URI.create(server.url());
        return new RunningServer() {
            @Override
            public URI url() {
                return url;
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
