package org.imageorganizer.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.ml.DjlClipModel;
import org.imageorganizer.ml.TinyModel;
import org.imageorganizer.services.ImageRemover;
import org.imageorganizer.store.TestDatabase;
import org.imageorganizer.store.cloud.CloudinaryStorage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The REST test fixture: the tiny model for a test class, loaded once, and {@link TestServer}s over
 * it, each on a fresh library: the class's own server when made with {@link #oneServer}, and those a
 * test starts, each closed after its test (a test may close one earlier). Register it as a static
 * field with {@code @RegisterExtension}.
 */
final class RestServerFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final ServerOptions classServerOptions;
    private DjlClipModel model;
    private Path classFolder;
    private TestServer classServer;
    private final List<TestServer> forTheTest = new ArrayList<>();

    /** Only the model: tests start their servers with {@link #start}. */
    RestServerFixture() {
        this(null);
    }

    private RestServerFixture(ServerOptions classServerOptions) {
        this.classServerOptions = classServerOptions;
    }

    /** The model and one server with these options for the whole class ({@link #server()}). */
    static RestServerFixture oneServer(ServerOptions options) {
        return new RestServerFixture(options);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        model = TinyModel.load();
        if (classServerOptions != null) {
            classFolder = Files.createTempDirectory("tiny-model-server");
            classServer = new TestServer(classFolder, model, classServerOptions, TestDatabase.h2(classFolder),
                    Optional.empty(), ImageRemover.OnDelete.DELETE);
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

    /** A server for the running test over a fresh H2 library in {@code folder} (a folder of its own for each server). */
    TestServer start(Path folder, ServerOptions options) {
        return start(folder, options, TestDatabase.h2(folder));
    }

    /** The same on a library in the given database (PostgreSQL, say, shared with another server). */
    TestServer start(Path folder, ServerOptions options, TestDatabase database) {
        return started(new TestServer(folder, model, options, database, Optional.empty(), ImageRemover.OnDelete.DELETE));
    }

    /** With uploads going to Cloudinary (its stand-in), as the application wires it when CLOUDINARY_URL is set. */
    TestServer start(Path folder, ServerOptions options, CloudinaryStorage cloud, ImageRemover.OnDelete onDelete) {
        return started(new TestServer(folder, model, options, TestDatabase.h2(folder), Optional.of(cloud), onDelete));
    }

    private TestServer started(TestServer server) {
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
