package org.imageorganizer.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.image.Image;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.imaging.Thumbnailer;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.services.StoredImageFiles;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.StorageRouter;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The one check of {@link ThumbnailLoaderTest} that needs the real files: a real photo decoded and
 * scaled by the application's thumbnail cache, which keeps one file on disk for it. No model and no
 * database: an indexed photo is read where it lies.
 */
@Tag("ui")
class ThumbnailLoaderOnStoredFilesTest {
    @TempDir
    Path home;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
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
    void aRealPhotoIsScaledAndCachedOnDiskOnce() throws Exception {
        Path photo = TestImages.write(TestImages.picture(0, 1, 640, 480), "jpg", home.resolve("photos/photo-0001.jpg"));
        ImageRecord image = new ImageRecord(1, "%064x".formatted(1), photo.toString(), "photo-0001.jpg", Files.size(photo),
                640, 480, "jpeg", Instant.parse("2025-03-14T09:26:53Z"),
                new Classification(new Label("dog", 0.9), new Label("beach", 0.8)), StorageKind.INDEXED);
        StoredImageFiles files = new StoredImageFiles(
                new StorageRouter(new IndexedFiles(), new ManagedFolder(home.resolve("data/storage"))),
                new ThumbnailCache(home.resolve("cache/thumbnails"), new Thumbnailer(new SafeImageDecoder())));

        Image first;
        try (ThumbnailLoader loader = new ThumbnailLoader(files, 1)) {
            CompletableFuture<Image> loaded = new CompletableFuture<>();
            loader.load(image, loaded::complete);
            first = loaded.get(30, TimeUnit.SECONDS);
        }
        Image again;
        try (ThumbnailLoader loader = new ThumbnailLoader(files, 1)) { // a new window: nothing in memory
            CompletableFuture<Image> loaded = new CompletableFuture<>();
            loader.load(image, loaded::complete);
            again = loaded.get(30, TimeUnit.SECONDS);
        }

        assertThat(first).isNotNull();
        assertThat(first.isError()).isFalse();
        assertThat(Math.max(first.getWidth(), first.getHeight())).isPositive().isLessThanOrEqualTo(ThumbnailLoader.SIZE);
        assertThat(again).isNotNull();
        assertThat(again.getWidth()).isEqualTo(first.getWidth());
        assertThat(cachedFiles()).isEqualTo(1);
    }
}
