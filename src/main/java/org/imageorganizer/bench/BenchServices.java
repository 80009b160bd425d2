package org.imageorganizer.bench;

import java.net.URI;
import java.nio.file.Path;
import org.imageorganizer.importer.ImportOptions;
import org.imageorganizer.importer.ImportPipeline;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.model.ClusterSettings;

/** What the benchmarks need from the application, built the same way as for {@code organize}; {@code app} provides it. */
public interface BenchServices {
    /** Loads and checks a model folder. */
    ClipModel loadModel(Path modelDir);

    /** An import pipeline exactly as {@code organize} builds it, on the given model and library. */
    ImportPipeline pipeline(ClipModel model, LibraryDatabase library, int views, ImportOptions options);

    /** The library's clustering as every front end builds it, here without a debounce (call refreshNow). */
    LibraryClusterer clusterer(LibraryDatabase library, ClusterSettings settings);

    /**
     * Starts the REST server exactly as {@code serve --db FILE --storage DIR --model-dir DIR} does,
     * on 127.0.0.1 at a free port without an API key, with two differences for the benchmark's upload
     * clients: no upload rate limit, and the loopback address trusted as a proxy (each client names
     * itself in X-Forwarded-For). The library file must not be open elsewhere in this process.
     *
     * @param database   the library's H2 file
     * @param storageDir the folder of uploaded files
     * @param modelDir   the model the server loads for uploads
     */
    RunningServer startServer(Path database, Path storageDir, Path modelDir);

    /** A started server; closing it stops the server and frees its model and library. */
    interface RunningServer extends AutoCloseable {
        /** The server's address, such as {@code http://127.0.0.1:41234/}. */
        URI url();

        @Override
        void close();
    }
}
