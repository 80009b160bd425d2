package org.imageorganizer.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.image.Image;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.FakeImageFiles;
import org.imageorganizer.ui.FakeImageFiles.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Grid thumbnails: asked of the image files once and kept in memory, handed over on the FX thread,
 * skipped when no longer wanted. Over image files in memory that make real JPEGs (JavaFX decodes
 * them, hence the toolkit); the disk cache behind {@code ImageFiles.thumbnail} has its own tests.
 * Waits are for the loader's callbacks; the timeouts only stop a test that would otherwise hang.
 */
@Tag("ui")
class ThumbnailLoaderTest {
    private static final long HANG_GUARD_SECONDS = 30;

    private final FakeImageFiles files = new FakeImageFiles();
    private ThumbnailLoader loader;
    private List<ImageRecord> images;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @BeforeEach
    void setUp() {
        images = List.of(files.image(1, "photo-0000.jpg"), files.image(2, "photo-0001.png"), files.image(3, "photo-0002.jpg"));
        loader = new ThumbnailLoader(files, 1);
    }

    @AfterEach
    void tearDown() {
        loader.close();
    }

    private Image load(ImageRecord image, BooleanSupplier stillWanted) throws Exception {
        CompletableFuture<Image> loaded = new CompletableFuture<>();
        loader.load(image, stillWanted, loaded::complete);
        return loaded.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
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

        Image thumbnail = loaded.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        assertThat(thumbnail).isNotNull();
        assertThat(thumbnail.isError()).isFalse();
        assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isPositive().isLessThanOrEqualTo(ThumbnailLoader.SIZE);
        assertThat(onFxThread).isTrue();
        assertThat(loader.cached(image.id())).isSameAs(thumbnail);
        assertThat(files.thumbnailRequests).containsExactly(new Request(image.id(), ThumbnailLoader.SIZE));

        assertThat(load(image, () -> true)).as("loaded again, from memory").isSameAs(thumbnail);
        assertThat(files.thumbnailRequests).as("made once").hasSize(1);
    }

    @Test
    void requestsNoLongerWantedAreSkipped() throws Exception {
        CountDownLatch calls = new CountDownLatch(1);
        CountDownLatch askedIfWanted = new CountDownLatch(2);
        BooleanSupplier unwanted = () -> {
            askedIfWanted.countDown();
            return false;
        };

        loader.load(images.get(0), unwanted, thumbnail -> calls.countDown());
        loader.load(images.get(1), unwanted, thumbnail -> calls.countDown());
        CompletableFuture<Image> wanted = new CompletableFuture<>();
        loader.load(images.get(2), () -> true, wanted::complete);

        assertThat(wanted.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isNotNull();
        assertThat(askedIfWanted.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).as("both turns came").isTrue();
        // one thread: a request made now runs after the skipped ones, and its callback comes after any of theirs
        assertThat(load(images.get(2), () -> true)).isNotNull();
        assertThat(calls.getCount()).as("skipped requests call nobody back").isEqualTo(1);
        assertThat(loader.cached(images.get(0).id())).isNull();
        assertThat(loader.cached(images.get(1).id())).isNull();
        assertThat(files.thumbnailRequests).as("only the wanted thumbnail was made")
                .containsExactly(new Request(images.get(2).id(), ThumbnailLoader.SIZE));
    }

    @Test
    void anUnreadableImageGivesNull() throws Exception {
        ImageRecord image = images.get(0);
        files.existing.remove(image.id()); // its file is gone
        CompletableFuture<Image> loaded = new CompletableFuture<>();

        loader.load(image, loaded::complete);

        assertThat(loaded.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isNull();
        assertThat(loader.cached(image.id())).isNull();
    }
}
