package org.imageorganizer.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.ml.DjlClipModel;
import org.imageorganizer.ml.TinyModel;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The tiny model for a test class, loaded once, and {@link TestServer}s over it: the class's own
 * server when made with {@link #oneServer}, and those a test starts, each closed after its test.
 * Register it as a static field with {@code @RegisterExtension}.
 */
final class TinyModelServers implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final ServerOptions classServerOptions;
    private DjlClipModel model;
    private Path classFolder;
    private TestServer classServer;
    private final List<TestServer> forTheTest = new ArrayList<>();

    /** Only the model: tests start their servers with {@link #start}. */
    TinyModelServers() {
        this(null);
    }

    private TinyModelServers(ServerOptions classServerOptions) {
        this.classServerOptions = classServerOptions;
    }

    /** The model and one server with these options for the whole class ({@link #server()}). */
    static TinyModelServers oneServer(ServerOptions options) {
        return new TinyModelServers(options);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        model = TinyModel.load();
        if (classServerOptions != null) {
            classFolder = Files.createTempDirectory("tiny-model-server");
            classServer = new TestServer(classFolder, model, classServerOptions);
        }
    }

    /** The class's server. */
    TestServer server() {
        return classServer;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        forTheTest.clear();
    }

    /** A server for the running test over a fresh library in {@code folder} (a folder of its own for each server). */
    TestServer start(Path folder, ServerOptions options) {
        TestServer server = new TestServer(folder, model, options);
        forTheTest.add(server);
        return server;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        forTheTest.forEach(TestServer::close);
        forTheTest.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (classServer != null) {
            classServer.close();
            try (Stream<Path> files = Files.walk(classFolder)) {
                for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(file);
                }
            }
        }
        model.close();
    }
}
