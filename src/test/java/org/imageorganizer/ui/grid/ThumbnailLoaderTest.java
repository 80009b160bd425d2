package org.imageorganizer.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.image.Image;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.TestDesktopServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** Grid thumbnails: made once and cached on disk and in memory, handed over on the FX thread, skipped when no longer wanted. */
@Tag("ui")
@Tag("model")
@Tag("database")
class ThumbnailLoaderTest {
    @TempDir
    Path home;
    @TempDir
    Path photos;

    private TestDesktopServices services;
    private ThumbnailLoader loader;
    private List<ImageRecord> images;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @BeforeEach
    void setUp() {
        services = new TestDesktopServices(home);
        TestDesktopServices.photos(photos, 3);
        services.importNow(photos);
        images = services.library().images().list(0, 10);
        loader = new ThumbnailLoader(services.files(), 1);
    }

    @AfterEach
    void tearDown() {
        loader.close();
        services.close();
    }

    private long cachedFiles() throws Exception {
        Path folder = home.resolve("cache/thumbnails");
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void makesTheThumbnailOnceAndKeepsIt() throws Exception {
        ImageRecord image = images.get(0);
        CompletableFuture<Image> loaded = new CompletableFuture<>();
        AtomicBoolean onFxThread = new AtomicBoolean();

        loader.load(image, thumbnail -> {
            onFxThread.set(Platform.isFxApplicationThread());
            loaded.complete(thumbnail);
        });

        Image thumbnail = loaded.get(30, TimeUnit.SECONDS);
        assertThat(thumbnail).isNotNull();
        assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isPositive().isLessThanOrEqualTo(ThumbnailLoader.SIZE);
        assertThat(onFxThread).isTrue();
        assertThat(loader.cached(image.id())).isSameAs(thumbnail);
        assertThat(cachedFiles()).isEqualTo(1);
    }

    @Test
    void requestsNoLongerWantedAreSkipped() throws Exception {
        CountDownLatch calls = new CountDownLatch(1);

        loader.load(images.get(0), () -> false, thumbnail -> calls.countDown());
        loader.load(images.get(1), () -> false, thumbnail -> calls.countDown());
        CompletableFuture<Image> wanted = new CompletableFuture<>();
        loader.load(images.get(2), () -> true, wanted::complete);

        assertThat(wanted.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(calls.await(500, TimeUnit.MILLISECONDS)).as("skipped requests call nobody back").isFalse();
        assertThat(loader.cached(images.get(0).id())).isNull();
        assertThat(loader.cached(images.get(1).id())).isNull();
        assertThat(cachedFiles()).as("only the wanted thumbnail was made").isEqualTo(1);
    }

    @Test
    void anUnreadableImageGivesNull() throws Exception {
        ImageRecord image = images.get(0);
        Files.delete(Path.of(image.location()));
        CompletableFuture<Image> loaded = new CompletableFuture<>();

        loader.load(image, loaded::complete);

        assertThat(loaded.get(30, TimeUnit.SECONDS)).isNull();
        assertThat(loader.cached(image.id())).isNull();
    }
}
