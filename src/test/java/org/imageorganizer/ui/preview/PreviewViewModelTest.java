package org.imageorganizer.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.ui.DialogTaskQueue;
import org.imageorganizer.ui.FakeImageFiles;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.preview.PreviewViewModel.State;
import org.junit.jupiter.api.Test;

class PreviewViewModelTest {
    private final FakeImageFiles files = new FakeImageFiles();
    private final List<Long> pictured = new ArrayList<>();
    private final ImageRecord a = files.image(1, "a.jpg");
    private final ImageRecord b = files.image(2, "b.jpg");
    private final ImageRecord c = files.image(3, "c.jpg");

    private PreviewViewModel open(ImageRecord first, List<ImageRecord> neighbours) {
        return new PreviewViewModel(files, new SameThreadTaskExecutor(), image -> {
            pictured.add(image.id());
            return null; // no toolkit in unit tests: the state is what matters
        }, first, neighbours, ZoneOffset.UTC);
    }

    @Test
    void opensOnTheChosenImageWithItsFacts() {
        PreviewViewModel preview = open(b, List.of(a, b, c));

        assertThat(preview.imageProperty().get()).isEqualTo(b);
        assertThat(preview.stateProperty().get()).isEqualTo(State.SHOWN);
        assertThat(preview.titleProperty().get()).isEqualTo("b.jpg");
        assertThat(preview.objectTextProperty().get()).isEqualTo("dog · 87%");
        assertThat(preview.backgroundTextProperty().get()).isEqualTo("beach · 61%");
        assertThat(preview.dimensionsTextProperty().get()).isEqualTo("4000 × 3000 pixels (12.0 MP)");
        assertThat(preview.sizeTextProperty().get()).isEqualTo("2.4 MB");
        assertThat(preview.formatTextProperty().get()).isEqualTo("JPEG");
        assertThat(preview.locationTextProperty().get()).endsWith("b.jpg");
        assertThat(preview.addedTextProperty().get()).contains("2025");
        assertThat(preview.positionTextProperty().get()).isEqualTo("2 of 3");
        assertThat(preview.hasLocalFileProperty().get()).isTrue();
        assertThat(pictured).containsExactly(2L);
    }

    @Test
    void movesThroughTheNeighboursAndStopsAtTheEnds() {
        PreviewViewModel preview = open(b, List.of(a, b, c));
        assertThat(preview.hasPreviousProperty().get()).isTrue();
        assertThat(preview.hasNextProperty().get()).isTrue();

        preview.next();
        assertThat(preview.imageProperty().get()).isEqualTo(c);
        assertThat(preview.hasNextProperty().get()).isFalse();
        preview.next();
        assertThat(preview.imageProperty().get()).isEqualTo(c);

        preview.previous();
        preview.previous();
        assertThat(preview.imageProperty().get()).isEqualTo(a);
        assertThat(preview.hasPreviousProperty().get()).isFalse();
        assertThat(preview.positionTextProperty().get()).isEqualTo("1 of 3");
        preview.previous();
        assertThat(preview.indexProperty().get()).isZero();
        assertThat(pictured).containsExactly(2L, 3L, 2L, 1L);
    }

    @Test
    void anImageOutsideTheListIsShownAlone() {
        ImageRecord stranger = files.image(9, "stranger.jpg");

        PreviewViewModel preview = open(stranger, List.of(a, b));

        assertThat(preview.imageProperty().get()).isEqualTo(stranger);
        assertThat(preview.hasPreviousProperty().get()).isFalse();
        assertThat(preview.hasNextProperty().get()).isFalse();
        assertThat(preview.positionTextProperty().get()).isEmpty();
    }

    @Test
    void aMissingFileIsSaidInsteadOfShown() {
        files.existing.remove(2L);

        PreviewViewModel preview = open(b, List.of(a, b, c));

        assertThat(preview.stateProperty().get()).isEqualTo(State.MISSING);
        assertThat(preview.messageProperty().get()).contains("no longer at").contains("b.jpg");
        assertThat(preview.pictureProperty().get()).isNull();
        assertThat(pictured).isEmpty();

        preview.next();
        assertThat(preview.stateProperty().get()).isEqualTo(State.SHOWN);
        assertThat(preview.messageProperty().get()).isEmpty();
    }

    @Test
    void aFileGoneWhileReadingCountsAsMissing() {
        PreviewViewModel preview = new PreviewViewModel(files, new SameThreadTaskExecutor(), image -> {
            throw new NoSuchFileException(image.location());
        }, a, List.of(a), ZoneOffset.UTC);

        assertThat(preview.stateProperty().get()).isEqualTo(State.MISSING);
    }

    @Test
    void anUnreadableImageSaysWhyInASentence() {
        PreviewViewModel preview = new PreviewViewModel(files, new SameThreadTaskExecutor(), image -> {
            throw new IllegalStateException("the JPEG data is truncated");
        }, a, List.of(a), ZoneOffset.UTC);

        assertThat(preview.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(preview.messageProperty().get()).isEqualTo("This photo cannot be shown: the JPEG data is truncated.");
    }

    @Test
    void aSlowPictureOfAnImageLeftBehindIsIgnored() {
        DialogTaskQueue queue = new DialogTaskQueue();
        PreviewViewModel preview = new PreviewViewModel(files, queue, image -> {
            if (image.id() == 1) {
                throw new IllegalStateException("should not be shown");
            }
            return null;
        }, a, List.of(a, b), ZoneOffset.UTC);
        assertThat(preview.stateProperty().get()).isEqualTo(State.LOADING);

        preview.next(); // before a's picture arrives
        assertThat(queue.cancelled()).isEqualTo(1);
        queue.runNext(); // a's (failing) picture finishes late
        assertThat(preview.stateProperty().get()).isEqualTo(State.LOADING);
        assertThat(preview.messageProperty().get()).isEmpty();

        queue.runNext();
        assertThat(preview.stateProperty().get()).isEqualTo(State.SHOWN);
        assertThat(preview.imageProperty().get()).isEqualTo(b);
    }

    @Test
    void managedImagesWithoutALocalFileCannotBeOpened() {
        files.localFiles.remove(1L);

        PreviewViewModel preview = open(a, List.of(a));

        assertThat(preview.hasLocalFileProperty().get()).isFalse();
        assertThat(preview.localFile()).isEmpty();
        assertThat(preview.locationTextProperty().get()).isEqualTo("/photos/a.jpg");
    }

    @Test
    void formatsNumbersForPeople() {
        assertThat(PreviewViewModel.percent(0.004)).isEqualTo("0%");
        assertThat(PreviewViewModel.percent(1.2)).isEqualTo("100%");
        assertThat(PreviewViewModel.label(new Label(Label.OTHER, 0.15))).isEqualTo("other · best guess only 15%");
        assertThat(PreviewViewModel.fileSize(1)).isEqualTo("1 byte");
        assertThat(PreviewViewModel.fileSize(900)).isEqualTo("900 bytes");
        assertThat(PreviewViewModel.fileSize(300 * 1024)).isEqualTo("300 KB");
        assertThat(PreviewViewModel.fileSize(3L * 1024 * 1024 * 1024)).isEqualTo("3.00 GB");
        assertThat(PreviewViewModel.dimensions(64, 48)).isEqualTo("64 × 48 pixels");
        assertThat(PreviewViewModel.added(null, ZoneOffset.UTC)).isEqualTo("unknown");
        assertThat(PreviewViewModel.added(Instant.EPOCH, ZoneOffset.UTC)).contains("1970");
        assertThat(PreviewViewModel.sentence("Gone!")).isEqualTo("Gone!");
    }
}
