package org.imageorganizer.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.model.ImageRecord;
import javafx.scene.image.Image;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.PhotoMetadata;
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
        assertThat(PhotoFacts.percent(0.004)).isEqualTo("0%");
        assertThat(PhotoFacts.percent(1.2)).isEqualTo("100%");
        assertThat(PhotoFacts.label(new Label(Label.OTHER, 0.15))).isEqualTo("other · best guess only 15%");
        assertThat(PreviewViewModel.fileSize(1)).isEqualTo("1 byte");
        assertThat(PreviewViewModel.fileSize(900)).isEqualTo("900 bytes");
        assertThat(PreviewViewModel.fileSize(300 * 1024)).isEqualTo("300 KB");
        assertThat(PreviewViewModel.fileSize(3L * 1024 * 1024 * 1024)).isEqualTo("3.00 GB");
        assertThat(PreviewViewModel.dimensions(64, 48)).isEqualTo("64 × 48 pixels");
        assertThat(PhotoFacts.added(null, ZoneOffset.UTC)).isEqualTo("unknown");
        assertThat(PhotoFacts.added(Instant.EPOCH, ZoneOffset.UTC)).contains("1970");
        assertThat(PhotoFacts.sentence("Gone!")).isEqualTo("Gone!");
    }
    private static ImageRecord withMetadata(ImageRecord image, PhotoMetadata metadata) {
        return new ImageRecord(image.id(), image.sha256(), image.location(), image.fileName(), image.byteSize(),
                image.width(), image.height(), image.format(), image.importedAt(), image.classification(),
                image.storage(), metadata);
    }

    @Test
    void theThumbnailIsShownAtOnceWhileTheLargePictureIsMade() {
        DialogTaskQueue queue = new DialogTaskQueue();
        Image thumbnail = picture();
        Image large = picture();
        PreviewViewModel preview = new PreviewViewModel(files, queue, image -> large, image -> thumbnail,
                a, List.of(a, b), ZoneOffset.UTC);
        assertThat(preview.pictureProperty().get()).isNull();
        assertThat(queue.pending()).isEqualTo(2);

        queue.runNext(); // the thumbnail, asked for first
        assertThat(preview.pictureProperty().get()).isSameAs(thumbnail);
        assertThat(preview.stateProperty().get()).isEqualTo(State.LOADING);
        assertThat(preview.sharpProperty().get()).isFalse();

        queue.runNext();
        assertThat(preview.pictureProperty().get()).isSameAs(large);
        assertThat(preview.stateProperty().get()).isEqualTo(State.SHOWN);
        assertThat(preview.sharpProperty().get()).isTrue();
    }

    @Test
    void aThumbnailArrivingAfterTheLargePictureDoesNotReplaceIt() {
        DialogTaskQueue queue = new DialogTaskQueue();
        Image thumbnail = picture();
        Image large = picture();
        List<String> order = new ArrayList<>();
        PreviewViewModel preview = new PreviewViewModel(files, queue, image -> {
            order.add("large");
            return large;
        }, image -> {
            order.add("thumbnail");
            return thumbnail;
        }, a, List.of(a, b), ZoneOffset.UTC);

        preview.next(); // both of a's are cancelled; b's thumbnail and picture are asked
        assertThat(queue.cancelled()).isEqualTo(2);
        queue.runAll();

        assertThat(preview.imageProperty().get()).isEqualTo(b);
        assertThat(preview.pictureProperty().get()).isSameAs(large);
        assertThat(order).containsExactly("thumbnail", "large", "thumbnail", "large");
    }

    @Test
    void aMissingFileShowsNoThumbnail() {
        files.existing.remove(1L);
        PreviewViewModel preview = new PreviewViewModel(files, new SameThreadTaskExecutor(), image -> picture(),
                image -> picture(), a, List.of(a), ZoneOffset.UTC);

        assertThat(preview.stateProperty().get()).isEqualTo(State.MISSING);
        assertThat(preview.pictureProperty().get()).isNull();
    }

    @Test
    void saysWhenAndWithWhichCameraThePhotoWasTaken() {
        ImageRecord taken = withMetadata(a, PhotoMetadata.fromPhoto(LocalDateTime.of(2024, 3, 12, 14, 3),
                ZoneOffset.ofHours(1), "Canon", "Canon EOS R6"));
        ImageRecord fileTime = withMetadata(b, PhotoMetadata.NONE.orFileTime(Instant.parse("2023-07-01T10:00:00Z"),
                ZoneOffset.UTC));

        PreviewViewModel preview = open(taken, List.of(taken, fileTime, c));

        // as the camera's clock showed it, in the user's way of writing dates
        assertThat(preview.takenTextProperty().get()).contains("2024")
                .contains(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).format(LocalTime.of(14, 3)))
                .doesNotContain("file date");
        assertThat(preview.cameraTextProperty().get()).isEqualTo("Canon EOS R6");
        preview.next();
        assertThat(preview.takenTextProperty().get()).contains("2023").endsWith(" (file date)");
        assertThat(preview.cameraTextProperty().get()).isEqualTo("Not recorded in the photo");
        preview.next();
        assertThat(preview.takenTextProperty().get()).isEqualTo("Not recorded in the photo");
    }

    @Test
    void eachPhotoOpensFittedToTheArea() {
        PreviewViewModel preview = open(a, List.of(a, b));
        preview.zoom().setArea(800, 600);
        preview.zoom().actualSize();
        assertThat(preview.zoom().fittingProperty().get()).isFalse();

        preview.next();

        assertThat(preview.zoom().fittingProperty().get()).isTrue();
        assertThat(preview.zoom().shownScale()).isEqualTo(0.2); // 4000 × 3000 in 800 × 600
    }

    @Test
    void zoomingPastTheLargePicturesPixelsMakesThePhotoAtItsOwnSize() {
        DialogTaskQueue queue = new DialogTaskQueue();
        Image large = new javafx.scene.image.WritableImage(1600, 1200); // of a 4000 × 3000 photo
        Image own = picture();
        List<Long> made = new ArrayList<>();
        PreviewViewModel preview = new PreviewViewModel(files, queue, image -> large, null, a, List.of(a, b),
                ZoneOffset.UTC);
        preview.sharpenWith(image -> {
            made.add(image.id());
            return own;
        });
        preview.zoom().setArea(800, 600);
        preview.zoom().actualSize(); // before the large picture is there: nothing to sharpen yet
        assertThat(queue.pending()).isEqualTo(1);

        queue.runNext();
        assertThat(preview.pictureProperty().get()).isSameAs(large);
        assertThat(preview.sharpeningProperty().get()).isTrue();
        queue.runNext();
        assertThat(preview.pictureProperty().get()).isSameAs(own);
        assertThat(preview.sharpeningProperty().get()).isFalse();
        assertThat(made).containsExactly(1L);

        preview.zoom().zoomIn(); // made once per photo
        assertThat(queue.pending()).isZero();
    }

    @Test
    void aFittedPhotoIsNotMadeAtItsOwnSize() {
        Image large = new javafx.scene.image.WritableImage(1600, 1200);
        PreviewViewModel preview = new PreviewViewModel(files, new SameThreadTaskExecutor(), image -> large, null, a,
                List.of(a), ZoneOffset.UTC);
        List<Long> made = new ArrayList<>();
        preview.sharpenWith(image -> {
            made.add(image.id());
            return null;
        });
        preview.zoom().setArea(800, 600);
        preview.zoom().zoomIn();
        preview.zoom().zoomIn(); // 1250 of 4000 px wide: the large picture has those pixels

        assertThat(preview.zoom().shownScale()).isEqualTo(0.3125);
        assertThat(made).isEmpty();
        preview.zoom().actualSize();
        assertThat(made).containsExactly(1L);
        assertThat(preview.pictureProperty().get()).isSameAs(large); // it could not: the large picture stays
    }

    /** A real (tiny) image: telling a thumbnail from the large picture needs two objects, not nulls. */
    private static Image picture() {
        return new javafx.scene.image.WritableImage(2, 2);
    }
}
