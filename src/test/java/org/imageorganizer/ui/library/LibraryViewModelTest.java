package org.imageorganizer.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.ManualTaskExecutor;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.TestDesktopServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library as the window shows it, read from a real library filled with the tiny model. */
@Tag("model")
@Tag("database")
class LibraryViewModelTest {
    @TempDir
    Path home;
    @TempDir
    Path photos;

    private TestDesktopServices services;
    private LibraryViewModel library;

    @BeforeEach
    void setUp() {
        services = new TestDesktopServices(home);
        library = new LibraryViewModel(services, new SameThreadTaskExecutor());
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    private NodeTree tree() {
        return library.treeProperty().get();
    }

    /** The object row with the most images (the first row). */
    private TreeNode largestObject() {
        return tree().children().get(0).node();
    }

    private static List<Long> ids(List<ImageRecord> images) {
        return images.stream().map(ImageRecord::id).toList();
    }

    @Test
    void beforeTheFirstRefreshTheTreeIsEmpty() {
        assertThat(tree().node().label()).isEqualTo("All photos");
        assertThat(tree().children()).isEmpty();
        assertThat(library.images()).isEmpty();
    }

    @Test
    void refreshShowsTheLibraryWithAllPhotosSelectedNewestFirst() {
        TestDesktopServices.photos(photos, 12);
        services.importNow(photos);

        library.refresh();

        assertThat(tree().node().count()).isEqualTo(12);
        assertThat(tree().children()).isNotEmpty();
        assertThat(tree().children().stream().mapToInt(n -> n.node().count()).sum()).isEqualTo(12);
        assertThat(library.selectedProperty().get()).isEqualTo(tree().node());
        assertThat(library.images()).hasSize(12);
        assertThat(ids(library.images())).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void selectingARowShowsItsImages() {
        TestDesktopServices.photos(photos, 12);
        services.importNow(photos);
        library.refresh();
        TreeNode object = largestObject();
        TreeNode background = tree().children().get(0).children().get(0).node();

        library.selectedProperty().set(object);
        assertThat(ids(library.images())).containsExactlyInAnyOrderElementsOf(object.imageIds());
        assertThat(library.images()).allMatch(i -> i.classification().object().name().equals(object.object()));

        library.selectedProperty().set(background);
        assertThat(ids(library.images())).containsExactlyInAnyOrderElementsOf(background.imageIds());
        assertThat(library.images()).allMatch(i -> i.classification().background().name().equals(background.background()));
    }

    @Test
    void selectionIsKeptAcrossRefreshAndItsImagesFollowTheLibrary() {
        TestDesktopServices.photos(photos.resolve("first"), 0, 12);
        services.importNow(photos.resolve("first"));
        library.refresh();
        TreeNode object = largestObject();
        library.selectedProperty().set(object);

        // the same pictures again under new names are duplicates; new pictures of the same families add to the groups
        TestDesktopServices.photos(photos.resolve("second"), 12, 24);
        services.importNow(photos.resolve("second"));
        library.refresh();

        TreeNode now = library.selectedProperty().get();
        assertThat(now.level()).isEqualTo(TreeNode.Level.OBJECT);
        assertThat(now.object()).isEqualTo(object.object());
        assertThat(now.imageIds()).containsAll(object.imageIds());
        assertThat(LibraryViewModel.find(tree(), object)).contains(now);
        assertThat(ids(library.images())).containsExactlyInAnyOrderElementsOf(now.imageIds());
    }

    @Test
    void filterNarrowsTheTreeAndASelectionFilteredAwayFallsBackToAllPhotos() {
        TestDesktopServices.photos(photos, 12);
        services.importNow(photos);
        library.refresh();
        TreeNode object = largestObject();
        library.selectedProperty().set(object);

        library.filterProperty().set(object.object().toUpperCase());
        assertThat(tree().children()).isNotEmpty()
                .allMatch(n -> n.node().object().contains(object.object()));
        assertThat(library.selectedProperty().get()).isEqualTo(LibraryViewModel.find(tree(), object).orElseThrow());

        library.filterProperty().set("no such category");
        assertThat(tree().children()).isEmpty();
        assertThat(library.selectedProperty().get().level()).isEqualTo(TreeNode.Level.ALL);
        assertThat(library.images()).isEmpty();

        library.filterProperty().set("");
        assertThat(tree().node().count()).isEqualTo(12);
        assertThat(library.selectedProperty().get().level()).isEqualTo(TreeNode.Level.ALL);
        assertThat(library.images()).hasSize(12);
    }

    @Test
    void removeTakesTheImageOutOfTheLibraryButNotOffTheDisk() {
        List<Path> files = TestDesktopServices.photos(photos, 6);
        services.importNow(photos);
        library.refresh();
        ImageRecord image = library.images().get(0);
        AtomicInteger done = new AtomicInteger();

        library.remove(image, done::incrementAndGet);

        assertThat(done).hasValue(1);
        assertThat(library.images()).hasSize(5).doesNotContain(image);
        assertThat(services.library().images().findById(image.id())).isEmpty();
        assertThat(tree().node().count()).isEqualTo(5);
        assertThat(files).allMatch(Files::exists);
    }

    @Test
    void clustersArePendingUntilTheClusteringHasCaughtUp() {
        TestDesktopServices.photos(photos, 12);
        services.importWithoutClustering(photos);

        library.refresh();
        assertThat(library.clustersPendingProperty().get()).isTrue();

        services.clusterer().refreshNow();
        // the first read scheduled a catch-up of its own (debounced); while that one runs, the tree is
        // rightly still pending, so read until the clustering is idle
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        library.refresh();
        while (library.clustersPendingProperty().get() && System.nanoTime() < deadline) {
            sleep(50);
            library.refresh();
        }
        assertThat(library.clustersPendingProperty().get()).isFalse();
        assertThat(tree().node().count()).isEqualTo(12);
    }

    @Test
    void refreshesWhileOneRunsMakeOneMore() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        LibraryViewModel model = new LibraryViewModel(services, executor);
        TestDesktopServices.photos(photos, 4);
        services.importNow(photos);

        model.refresh();
        model.refresh();
        model.refresh();
        assertThat(executor.pending()).isEqualTo(1);

        executor.finish(0); // the tree arrives: All photos is selected (its images load) and one more refresh starts
        assertThat(executor.pending()).isEqualTo(2);
        executor.finishAll();
        assertThat(executor.pending()).isZero();
        assertThat(model.images()).hasSize(4);
    }

    @Test
    void anImageLoadFinishingLateDoesNotReplaceANewerOne() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        LibraryViewModel model = new LibraryViewModel(services, executor);
        TestDesktopServices.photos(photos, 12);
        services.importNow(photos);
        model.refresh();
        executor.finishAll();
        NodeTree tree = model.treeProperty().get();
        TreeNode first = tree.children().get(0).node();
        TreeNode second = tree.children().get(1).node();

        model.selectedProperty().set(first);
        model.selectedProperty().set(second);
        executor.finish(1); // the newer load…
        executor.finish(0); // …then the older one, which was cancelled but was already reading

        assertThat(ids(model.images())).containsExactlyInAnyOrderElementsOf(second.imageIds());
    }

    @Test
    void aFailedLoadEmptiesTheGrid() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        LibraryViewModel model = new LibraryViewModel(services, executor);
        TestDesktopServices.photos(photos, 4);
        services.importNow(photos);
        model.refresh();
        executor.finishAll();
        assertThat(model.images()).hasSize(4);

        model.selectedProperty().set(model.treeProperty().get().children().get(0).node());
        executor.fail(0, new IllegalStateException("database closed"));

        assertThat(model.images()).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
