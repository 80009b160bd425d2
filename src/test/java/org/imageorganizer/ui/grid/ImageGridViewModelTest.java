package org.imageorganizer.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.ExplainedException;
import org.imageorganizer.ui.FakeLibrary;
import org.imageorganizer.ui.ManualTaskExecutor;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.library.TreeNode;
import org.junit.jupiter.api.Test;

/** The grid's images and Remove from Library, over a library in memory. */
class ImageGridViewModelTest {
    private final FakeLibrary fake = new FakeLibrary();
    private final Notices notices = new Notices();

    private static TreeNode row(String label, List<ImageRecord> images) {
        return new TreeNode(TreeNode.Level.OBJECT, label, label.toLowerCase(), null, -1,
                images.stream().map(ImageRecord::id).toList());
    }

    private static List<Long> ids(List<ImageRecord> images) {
        return images.stream().map(ImageRecord::id).toList();
    }

    @Test
    void anImageLoadFinishingLateDoesNotReplaceANewerOne() {
        List<ImageRecord> dogs = fake.add("dog", "beach", 3);
        List<ImageRecord> cats = fake.add("cat", "indoor", 2);
        ManualTaskExecutor executor = new ManualTaskExecutor();
        ImageGridViewModel grid = new ImageGridViewModel(fake, fake, executor, notices);

        grid.show(row("Dog", dogs));
        grid.show(row("Cat", cats));
        executor.finish(1); // the newer load…
        executor.finish(0); // …then the older one, which was cancelled but was already reading

        assertThat(ids(grid.images())).containsExactlyInAnyOrderElementsOf(ids(cats));
    }

    @Test
    void aFailedLoadEmptiesTheGridAndSaysSo() {
        List<ImageRecord> dogs = fake.add("dog", "beach", 4);
        ManualTaskExecutor executor = new ManualTaskExecutor();
        ImageGridViewModel grid = new ImageGridViewModel(fake, fake, executor, notices);
        grid.show(row("Dog", dogs));
        executor.finishAll();
        assertThat(grid.images()).hasSize(4);

        grid.show(row("Dog", dogs));
        executor.fail(0, new IllegalStateException("database closed"));

        assertThat(grid.images()).isEmpty();
        assertThat(notices.messageProperty().get()).isEqualTo("The photos of Dog could not be read: database closed (details in the log file).");
    }

    @Test
    void aFailedRemoveIsShownAndTheImageStays() {
        List<ImageRecord> dogs = fake.add("dog", "beach", 3);
        ImageGridViewModel grid = new ImageGridViewModel(fake, fake, new SameThreadTaskExecutor(), notices);
        grid.show(row("Dog", dogs));
        ImageRecord image = grid.images().get(0);
        fake.removeFailure = new ExplainedException("The library is read-only.");
        AtomicInteger done = new AtomicInteger();

        grid.remove(image, done::incrementAndGet);

        assertThat(done).hasValue(1);
        assertThat(grid.images()).hasSize(3).contains(image);
        assertThat(fake.image(image.id())).isPresent();
        assertThat(notices.messageProperty().get())
                .isEqualTo("Could not remove " + image.fileName() + " from the library: The library is read-only.");
    }

    @Test
    void removeGoesThroughTheLibrarysRemoval() {
        List<ImageRecord> dogs = fake.add("dog", "beach", 3);
        ImageGridViewModel grid = new ImageGridViewModel(fake, fake, new SameThreadTaskExecutor(), notices);
        grid.show(row("Dog", dogs));
        ImageRecord image = grid.images().get(1);

        grid.remove(image, () -> { });

        assertThat(grid.images()).hasSize(2).doesNotContain(image);
        assertThat(fake.image(image.id())).isEmpty();
        assertThat(notices.messageProperty().get()).isEmpty();
    }
}
