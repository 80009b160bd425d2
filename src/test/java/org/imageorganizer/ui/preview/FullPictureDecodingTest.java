package org.imageorganizer.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import javafx.scene.image.Image;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.services.ImageFiles;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The photo at its own resolution, decoded by JavaFX from real bytes (the toolkit decodes: tag "ui"). */
@Tag("ui")
class FullPictureDecodingTest {
    private byte[] bytes;

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private final ImageFiles files = new ImageFiles() {
        @Override
        public boolean exists(ImageRecord image) {
            return true;
        }

        @Override
        public InputStream open(ImageRecord image) {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public Optional<Path> localFile(ImageRecord image) {
            return Optional.empty();
        }

        @Override
        public byte[] thumbnail(ImageRecord image, int maxSide) {
            throw new UnsupportedOperationException();
        }
    };

    private static ImageRecord recorded(String format, int width, int height) {
        return new ImageRecord(1, "%064x".formatted(1), "/photos/a." + format, "a." + format, 1000, width, height,
                format, Instant.EPOCH, new Classification(new Label("dog", 0.9), new Label("beach", 0.8)),
                StorageKind.INDEXED);
    }

    @Test
    void decodesTheWholePhoto() throws Exception {
        bytes = TestImages.encode(TestImages.picture(0, 1, 300, 200), "jpg");

        Image full = new FullPicture(files).picture(recorded("jpeg", 300, 200));

        assertThat(full).isNotNull();
        assertThat(full.getWidth()).isEqualTo(300);
        assertThat(full.getHeight()).isEqualTo(200);
    }

    @Test
    void aPhotoThatIsNotWhatTheLibraryRecordedKeepsThePreview() throws Exception {
        bytes = TestImages.encode(TestImages.picture(0, 1, 300, 200), "png");

        assertThat(new FullPicture(files).picture(recorded("png", 600, 400))).isNull();
        assertThat(new FullPicture(files).picture(recorded("webp", 300, 200))).isNull(); // not for JavaFX
        assertThat(new FullPicture(files).picture(recorded("png", 300, 200))).isNotNull();
        bytes = new byte[] {1, 2, 3};
        assertThat(new FullPicture(files).picture(recorded("png", 300, 200))).isNull();
    }
}
