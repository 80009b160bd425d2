package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.imageorganizer.config.ConfigurationSources;
import org.imageorganizer.config.Environment;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.testing.ModelLoadHeard;
import org.imageorganizer.testing.TestImages;
import org.imageorganizer.ui.EmbeddedServer;
import org.imageorganizer.ui.WindowServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's services as the application wires them: the model from IMAGE_ORGANIZER_MODEL_DIR, the real embedded server. */
@Tag("model")
@Tag("database")
class DesktopWiringTest {
    private static final String MODEL = Path.of("src/test/resources/models/tiny-clip").toAbsolutePath().toString();

    @TempDir
    Path home;
    @TempDir
    Path photos;

    private Environment environment;
    private DesktopWiring wiring;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void setUp() {
        environment = new Environment(home.resolve("data"), home.resolve("cache"), home.resolve("config"), home.resolve("logs"));
    }

    @AfterEach
    void tearDown() {
        if (wiring != null) {
            wiring.close();
        }
    }

    private DesktopWiring wiring(Map<String, String> variables) {
        wiring = new DesktopWiring(new Core(environment, variables, new PrintWriter(new StringWriter(), true)),
                home.resolve("logs/image-organizer.log"));
        return wiring;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theEmbeddedServerAnswersHealthOverTheWindowsLibrary() throws Exception {
        DesktopWiring services = wiring(Map.of(ConfigurationSources.MODEL_DIR_VARIABLE, MODEL));
        for (int i = 0; i < 3; i++) {
            TestImages.write(TestImages.picture(i, i, 120, 100), "jpg", photos.resolve("p" + i + ".jpg"));
        }
        ImportSummary summary = services.windowServices().imports().organize(List.of(photos), ImportListener.NONE, () -> false);
        assertThat(summary.imported()).isEqualTo(3);
        EmbeddedServer server = services.windowServices().server();
        assertThat(server.running()).isFalse();

        String url = server.start(0);

        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/");
        assertThat(server.running()).isTrue();
        assertThat(server.start(0)).as("a second start keeps the running server").isEqualTo(url);
        HttpResponse<String> health = get(url + "health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(health.body());
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("model_loaded").asBoolean()).isTrue();
        assertThat(body.get("image_count").asLong()).as("the window's library").isEqualTo(3);

        server.stop();

        assertThat(server.running()).isFalse();
        assertThatThrownBy(() -> get(url + "health")).isInstanceOf(ConnectException.class);
        server.stop(); // stopping again does nothing
    }

    @Test
    void theServerCanBeSwitchedOnAgain() throws Exception {
        EmbeddedServer server = wiring(Map.of(ConfigurationSources.MODEL_DIR_VARIABLE, MODEL)).windowServices().server();
        server.start(0);
        server.stop();

        String url = server.start(0);

        assertThat(get(url + "health").statusCode()).isEqualTo(200);
    }

    @Test
    void forTheNetworkTheServerListensOnEveryInterfaceAndAsksForTheKey() throws Exception {
        EmbeddedServer server = wiring(Map.of(ConfigurationSources.MODEL_DIR_VARIABLE, MODEL)).windowServices().server();
        assertThat(server.networkAddresses()).isEmpty();
        String key = "abcd-efgh-jkmn-pqrs-tuvw";

        String url = server.startForNetwork(0, key);

        assertThat(url).as("the address on this computer").matches("http://127\\.0\\.0\\.1:\\d+/");
        assertThat(get(url + "health").statusCode()).isEqualTo(200);
        assertThat(get(url + "images").statusCode()).as("no key").isEqualTo(401);
        HttpResponse<String> withKey = http.send(HttpRequest.newBuilder(URI.create(url + "images")).header("X-API-Key", key)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withKey.statusCode()).isEqualTo(200);
        int port = URI.create(url).getPort();
        for (String address : server.networkAddresses()) { // this machine's network addresses, on the same port
            assertThat(URI.create(address).getPort()).isEqualTo(port);
            assertThat(get(address + "health").statusCode()).as(address).isEqualTo(200);
        }

        server.stop();

        assertThat(server.networkAddresses()).isEmpty();
        String local = server.start(0);
        assertThat(server.networkAddresses()).as("loopback only now").isEmpty();
        assertThat(get(local + "images").statusCode()).as("no key on loopback").isEqualTo(200);
    }

    @Test
    void withoutAModelWebAccessSaysToSetUpPhotoRecognitionFirst() {
        EmbeddedServer server = wiring(Map.of()).windowServices().server();

        assertThatThrownBy(() -> server.start(0)).isInstanceOf(ModelException.class)
                .hasMessage("Web access needs the recognition model: set up photo recognition first.");
        assertThat(server.running()).isFalse();
    }

    @Test
    void withoutAModelTheWindowIsToldSo() {
        DesktopWiring services = wiring(Map.of());

        WindowServices window = services.windowServices();
        assertThat(window.model().modelAvailable()).isFalse();
        assertThatThrownBy(() -> window.imports().organize(List.of(photos), ImportListener.NONE, () -> false))
                .isInstanceOf(ModelException.class);
    }

    @Test
    void filesLiveInTheUsersFoldersAndTheLibraryOpensOnTheWindowsFirstRead() {
        DesktopWiring services = wiring(Map.of(ConfigurationSources.MODEL_DIR_VARIABLE, MODEL));

        WindowServices window = services.windowServices();
        assertThat(window.model().modelAvailable()).isTrue();
        assertThat(window.paths().windowStateFile()).isEqualTo(home.resolve("config/window.json"));
        assertThat(window.paths().problemsFile()).isEqualTo(home.resolve("data/problems.json"));
        assertThat(window.settings().load().serverPort()).isEqualTo(8080);
        assertThat(home.resolve("data/library.mv.db")).as("nothing opened before the window reads").doesNotExist();

        assertThat(window.library().tree().objects()).isEmpty();

        assertThat(home.resolve("data/library.mv.db")).exists();
    }

    @Test
    void theImportLoadsTheModelWhileItReadsFilesAndSaysSoOnlyTheFirstTime() throws Exception {
        WindowServices window = wiring(Map.of(ConfigurationSources.MODEL_DIR_VARIABLE, MODEL)).windowServices();
        for (int i = 0; i < 4; i++) {
            TestImages.write(TestImages.picture(i, i, 120, 100), "jpg", photos.resolve("p" + i + ".jpg"));
        }
        ModelLoadHeard listener = new ModelLoadHeard();

        assertThat(window.imports().organize(List.of(photos.resolve("p0.jpg"), photos.resolve("p1.jpg")), listener,
                () -> false).imported()).isEqualTo(2);
        assertThat(listener.heard()).containsExactly("loading", "ready");
        listener.clear();

        assertThat(window.imports().organize(List.of(photos), listener, () -> false).imported()).isEqualTo(2);
        assertThat(listener.heard()).as("the model stays loaded between imports").isEmpty();
    }

    @Test
    void theWindowRemovesThroughTheCoreAndIsToldOfTheChange() throws Exception {
        DesktopWiring services = wiring(Map.of(ConfigurationSources.MODEL_DIR_VARIABLE, MODEL));
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            files.add(TestImages.write(TestImages.picture(i, i, 120, 100), "jpg", photos.resolve("p" + i + ".jpg")));
        }
        WindowServices window = services.windowServices();
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        window.events().addObserver(told::incrementAndGet);
        assertThat(window.imports().organize(List.of(photos), ImportListener.NONE, () -> false).imported()).isEqualTo(3);
        assertThat(told.get()).as("the import told the window").isPositive();
        long id = window.library().imagesByIds(List.of(1L, 2L, 3L)).get(0).id();
        int before = told.get();

        var removed = window.removal().remove(id);

        assertThat(removed).isPresent();
        assertThat(window.library().image(id)).isEmpty();
        assertThat(window.library().count()).isEqualTo(2);
        assertThat(told.get()).as("the removal told the window").isGreaterThan(before);
        assertThat(files).allMatch(java.nio.file.Files::exists); // never off the disk
        assertThat(window.removal().remove(id)).isEmpty();
    }

    @Test
    void theWindowMovesPhotosAndSortsTheLibraryAgainThroughTheCoreAndIsToldOfIt() throws Exception {
        WindowServices window = wiring(Map.of(ConfigurationSources.MODEL_DIR_VARIABLE, MODEL)).windowServices();
        for (int i = 0; i < 3; i++) {
            TestImages.write(TestImages.picture(i, i, 120, 100), "jpg", photos.resolve("p" + i + ".jpg"));
        }
        assertThat(window.imports().organize(List.of(photos), ImportListener.NONE, () -> false).imported()).isEqualTo(3);
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        window.events().addObserver(told::incrementAndGet);
        org.imageorganizer.services.LibrarySorting sorting = window.sorting().get();
        assertThat(window.sorting().get()).as("made once").isSameAs(sorting);
        org.imageorganizer.model.ImageRecord photo = window.library().imagesByIds(List.of(1L, 2L, 3L)).get(0);
        String other = sorting.categories().list().stream()
                .filter(c -> c.kind() == org.imageorganizer.model.CategoryKind.OBJECT
                        && !c.name().equals(photo.classification().object().name()))
                .findFirst().orElseThrow().name();

        var batch = sorting.corrections().correct(List.of(photo.id()), org.imageorganizer.model.CategoryKind.OBJECT, other, "window");
        assertThat(window.library().image(photo.id()).orElseThrow().classification().object().name()).isEqualTo(other);
        assertThat(told.get()).as("the move told the window").isPositive();
        sorting.corrections().undo(batch, "window");
        assertThat(window.library().image(photo.id()).orElseThrow().classification().object())
                .isEqualTo(photo.classification().object());

        org.imageorganizer.model.Category added = sorting.categories().add(org.imageorganizer.model.CategoryKind.OBJECT,
                "my bike", "a red road bike");
        var proposed = org.imageorganizer.model.SortingCategories.of(sorting.categories().list(), sorting.categories().threshold());
        assertThat(sorting.resort().preview(proposed).photos()).isEqualTo(3);
        var summary = sorting.resort().request().get(2, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(summary.photos()).isEqualTo(3);
        assertThat(added.words()).isEqualTo("a red road bike");
        assertThat(sorting.resort().busy()).isFalse();
    }
}
