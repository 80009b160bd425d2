package org.imageorganizer.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.imageorganizer.bench.BenchServices;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.importer.ImportOptions;
import org.imageorganizer.importer.ImportPipeline;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ClipModels;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.store.LibraryDatabase;

/**
 * The benchmarks' view of the application: the same core, model loading, pipeline and server as
 * {@code organize} and {@code serve} (the core given here holds the default settings, so that figures
 * do not depend on anyone's settings file).
 */
final class BenchWiring implements BenchServices {
    private static final int UNLIMITED_UPLOADS_PER_MINUTE = 1_000_000;
    private final Core core;

    BenchWiring(Core core) {
        this.core = core;
    }

    @Override
    public ClipModel loadModel(Path modelDir) {
        return ClipModels.load(ModelFolder.open(modelDir));
    }

    @Override
    public ImportPipeline pipeline(ClipModel model, LibraryDatabase library, int views, ImportOptions options) {
        return core.pipeline(model, library, views, LibraryObserver.NONE, options);
    }

    @Override
    public LibraryClusterer clusterer(LibraryDatabase library, ClusterSettings settings) {
        return core.clusterer(library, settings, Duration.ZERO);
    }

    @Override
    public RunningServer startServer(Path database, Path storageDir, Path modelDir) {
        LibraryDatabase library = core.openLibrary(DatabaseLocation.file(database));
        ServerWiring.Started server;
        try {
            // serve's debounce, so that the reads under uploads meet re-clustering as often as they would there;
            // the uploading clients name themselves in X-Forwarded-For and are not rate-limited
            ServerOptions options = ServerOptions.local(0)
                    .withLimits(ServerOptions.DEFAULT_MAX_FILE_BYTES, ServerOptions.DEFAULT_MAX_REQUEST_BYTES,
                            ServerOptions.DEFAULT_MAX_FILES, UNLIMITED_UPLOADS_PER_MINUTE)
                    .withTrustedProxies(List.of("127.0.0.1"));
            server = new ServerWiring(core, library, storageDir, CliWiring.CLUSTER_DEBOUNCE, Optional.empty())
                    .start(options, ModelFolder.open(modelDir));
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
