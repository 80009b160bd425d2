package org.imageorganizer.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thumbnail size is remembered across restarts; a broken file is the default size. */
class ThumbnailSizeStoreTest {
    @TempDir
    Path dir;

    @Test
    void theSizeSavedIsTheSizeLoadedNextTime() {
        ThumbnailSizeStore store = new ThumbnailSizeStore(dir.resolve("config/grid.json"));
        assertThat(store.load()).isEqualTo(GridHeading.DEFAULT_SIZE);

        store.save(224);

        assertThat(new ThumbnailSizeStore(dir.resolve("config/grid.json")).load()).isEqualTo(224);
    }

    @Test
    void nonsenseIsTheDefaultOrWithinBounds() throws IOException {
        Path file = dir.resolve("grid.json");
        Files.writeString(file, "[1,2");
        assertThat(new ThumbnailSizeStore(file).load()).isEqualTo(GridHeading.DEFAULT_SIZE);
        Files.writeString(file, "{\"thumbnailSize\": 99999}");
        assertThat(new ThumbnailSizeStore(file).load()).isEqualTo(GridHeading.MAX_SIZE);
        Files.writeString(file, "{\"thumbnailSize\": \"big\"}");
        assertThat(new ThumbnailSizeStore(file).load()).isEqualTo(GridHeading.DEFAULT_SIZE);
    }
}
