package org.imageorganizer.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
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
    private static final int UNLIMITED_UPLOADS_PER_MINUTE = 1_000_000;
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
            // serve's debounce, so that the reads under uploads meet re-clustering as often as they would there;
            // the uploading clients name themselves in X-Forwarded-For and are not rate-limited
            ServerOptions options = ServerOptions.local(0)
                    .withLimits(ServerOptions.DEFAULT_MAX_FILE_BYTES, ServerOptions.DEFAULT_MAX_REQUEST_BYTES,
                            ServerOptions.DEFAULT_MAX_FILES, UNLIMITED_UPLOADS_PER_MINUTE)
                    .withTrustedProxies(List.of("127.0.0.1"));
            server = new ServerWiring(environment, settings, library, ModelFolder.open(modelDir), storageDir,
                    AppServices.CLUSTER_DEBOUNCE).start(options);
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
