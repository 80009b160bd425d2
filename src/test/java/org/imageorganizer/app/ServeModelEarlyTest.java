package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.imageorganizer.cli.CliServices;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.NewImage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} on an existing library loads the model the library records while the library opens
 * (the variant read through plain JDBC first): it then serves as before, and a library that records
 * another model is refused as before, after the library opened.
 */
@Tag("model")
@Tag("database")
class ServeModelEarlyTest {
    private static final Path MODEL = Path.of("src/test/resources/models/tiny-clip").toAbsolutePath();

    @TempDir
    Path home;

    @Test
    void anExistingLibrarysModelLoadsBesideTheLibraryAndTheServerGetsReady() throws Exception {
        Path database = libraryRecording("tiny-clip-test-1");
        try (CliServices.RunningServer server = wiring().startServer(ServerOptions.local(0), DatabaseLocation.file(database),
                Files.createDirectories(home.resolve("storage")), List.of(MODEL), null)) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"ok\"");
        }
    }

    @Test
    void aLibraryThatRecordsAnotherModelIsRefusedAsBefore() throws Exception {
        Path database = libraryRecording("another-model-1");
        assertThatThrownBy(() -> wiring().startServer(ServerOptions.local(0), DatabaseLocation.file(database),
                Files.createDirectories(home.resolve("storage")), List.of(MODEL), null).close())
                .hasMessageContaining("another-model-1");
        try (LibraryDatabase library = LibraryDatabase.open(database)) {
            assertThat(library.info().modelId()).as("the record is untouched").contains("another-model-1");
            assertThat(library.images().count()).isEqualTo(1);
        }
    }

    private CliWiring wiring() {
        return new CliWiring(new Core(CommandRun.home(home), Map.of(), new PrintWriter(new StringWriter(), true)));
    }

    private Path libraryRecording(String modelId) {
        Path database = home.resolve("library.mv.db");
        try (LibraryDatabase library = LibraryDatabase.open(database)) {
            library.images().insert(new NewImage("a".repeat(64), "/nowhere/cat.jpg", "cat.jpg", 3, 1, 1, "jpeg",
                    StorageKind.INDEXED, new Classification(new Label("cat", 0.9), new Label("indoor", 0.8)),
                    new float[32], modelId));
            library.info().claimModel(modelId);
        }
        return database;
    }
}
