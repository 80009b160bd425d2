package org.imageorganizer.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.FakeLibrary;
import org.imageorganizer.ui.ManualTaskExecutor;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.grid.ImageGridViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The library's tree as the window shows it, with the grid following its selection, over a library in memory. */
class LibraryViewModelTest {
    private final FakeLibrary fake = new FakeLibrary();
    private final Notices notices = new Notices();
    private LibraryViewModel library;
    private ImageGridViewModel grid;

    @BeforeEach
    void setUp() {
        open(new SameThreadTaskExecutor());
    }

    /** The tree and the grid as the window wires them, told of the fake library's changes. */
    private void open(TaskExecutor executor) {
        library = new LibraryViewModel(fake, executor, notices);
        grid = new ImageGridViewModel(fake, fake, executor, notices);
        grid.follow(library.selectedProperty(), library.placeholderProperty());
        fake.addObserver(library);
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

    /** 12 photos: dog 7 (beach 4, park 3), cat 5 (indoor). */
    private void twelvePhotos() {
        fake.add("dog", "beach", 4);
        fake.add("cat", "indoor", 5);
        fake.add("dog", "park", 3);
    }

    @Test
    void beforeTheFirstRefreshTheTreeIsEmpty() {
        fake.removeObserver(library);
        twelvePhotos();

        assertThat(tree().node().label()).isEqualTo("All photos");
        assertThat(tree().children()).isEmpty();
        assertThat(grid.images()).isEmpty();
    }

    @Test
    void refreshShowsTheLibraryWithAllPhotosSelectedNewestFirst() {
        fake.removeObserver(library);
        twelvePhotos();

        library.refresh();

        assertThat(tree().node().count()).isEqualTo(12);
        assertThat(tree().children()).isNotEmpty();
        assertThat(tree().children().stream().mapToInt(n -> n.node().count()).sum()).isEqualTo(12);
        assertThat(library.selectedProperty().get()).isEqualTo(tree().node());
        assertThat(grid.images()).hasSize(12);
        assertThat(ids(grid.images())).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void addedImagesAreShownWhenTheLibrarySaysSo() {
        twelvePhotos();

        assertThat(tree().node().count()).isEqualTo(12);
        assertThat(grid.images()).hasSize(12);

        fake.add("cat", "sofa", 2);

        assertThat(tree().node().count()).isEqualTo(14);
        assertThat(grid.images()).hasSize(14);
    }

    @Test
    void selectingARowShowsItsImages() {
        twelvePhotos();
        TreeNode object = largestObject();
        TreeNode background = tree().children().get(0).children().get(0).node();

        library.selectedProperty().set(object);
        assertThat(ids(grid.images())).containsExactlyInAnyOrderElementsOf(object.imageIds());
        assertThat(grid.images()).allMatch(i -> i.classification().object().name().equals(object.object()));

        library.selectedProperty().set(background);
        assertThat(ids(grid.images())).containsExactlyInAnyOrderElementsOf(background.imageIds());
        assertThat(grid.images()).allMatch(i -> i.classification().background().name().equals(background.background()));
    }

    @Test
    void selectionIsKeptAcrossRefreshAndItsImagesFollowTheLibrary() {
        twelvePhotos();
        TreeNode object = largestObject();
        library.selectedProperty().set(object);

        fake.add(object.object(), "garden", 4);

        TreeNode now = library.selectedProperty().get();
        assertThat(now.level()).isEqualTo(TreeNode.Level.OBJECT);
        assertThat(now.object()).isEqualTo(object.object());
        assertThat(now.imageIds()).containsAll(object.imageIds()).hasSize(object.count() + 4);
        assertThat(LibraryViewModel.find(tree(), object)).contains(now);
        assertThat(ids(grid.images())).containsExactlyInAnyOrderElementsOf(now.imageIds());
    }

    @Test
    void filterNarrowsTheTreeAndASelectionFilteredAwayFallsBackToAllPhotos() {
        twelvePhotos();
        TreeNode object = largestObject(); // dog
        library.selectedProperty().set(object);

        library.filterProperty().set(object.object().toUpperCase());
        assertThat(tree().children()).isNotEmpty()
                .allMatch(n -> n.node().object().contains(object.object()));
        assertThat(library.selectedProperty().get()).isEqualTo(LibraryViewModel.find(tree(), object).orElseThrow());
        assertThat(library.filterMatchesNothingProperty().get()).isFalse();

        library.filterProperty().set("indoor"); // matches the cat's background only: the dog row is filtered away
        assertThat(tree().children()).extracting(n -> n.node().object()).containsExactly("cat");
        assertThat(library.selectedProperty().get().level()).isEqualTo(TreeNode.Level.ALL);
        assertThat(grid.images()).hasSize(5);

        library.filterProperty().set("");
        assertThat(tree().node().count()).isEqualTo(12);
        // issue 19: clearing the filter selects again the row selected before it was typed
        assertThat(library.selectedProperty().get()).isEqualTo(LibraryViewModel.find(tree(), object).orElseThrow());
        assertThat(grid.images()).hasSize(object.count());
    }

    /** Issue 19: a filter with no match is not an empty library: the selection stays, and is there after Clear. */
    @Test
    void aFilterMatchingNothingKeepsTheSelectionUntilItIsCleared() {
        twelvePhotos();
        TreeNode object = largestObject();
        library.selectedProperty().set(object);

        library.filterProperty().set("c"); // typed letter by letter: "c" matches the cat, the dog row is filtered away
        library.filterProperty().set("no such category");
        assertThat(tree().children()).isEmpty();
        assertThat(library.filterMatchesNothingProperty().get()).isTrue();
        assertThat(library.emptyProperty().get()).as("the library itself is not empty").isFalse();

        library.clearFilter();
        assertThat(library.filterProperty().get()).isEmpty();
        assertThat(library.filterMatchesNothingProperty().get()).isFalse();
        assertThat(library.selectedProperty().get()).isEqualTo(LibraryViewModel.find(tree(), object).orElseThrow());
        assertThat(ids(grid.images())).containsExactlyInAnyOrderElementsOf(object.imageIds());
    }

    @Test
    void anEmptyLibraryIsEmptyAndAFilterOnItMatchesNothingWithoutSayingSo() {
        library.refresh();
        assertThat(library.emptyProperty().get()).isTrue();

        library.filterProperty().set("dog");
        assertThat(library.filterMatchesNothingProperty().get()).as("nothing to match: the drop hint says why").isFalse();

        twelvePhotos();
        assertThat(library.emptyProperty().get()).isFalse();
    }

    @Test
    void removeTakesTheImageOutOfTheGridAndTheTreeFollowsTheLibrary() {
        fake.add("dog", "beach", 6);
        ImageRecord image = grid.images().get(0);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();

        grid.remove(image, done::incrementAndGet);

        assertThat(done).hasValue(1);
        assertThat(grid.images()).hasSize(5).doesNotContain(image);
        assertThat(fake.image(image.id())).isEmpty();
        assertThat(tree().node().count()).isEqualTo(5);
        assertThat(notices.messageProperty().get()).isEmpty();
    }

    @Test
    void clustersArePendingUntilTheClusteringSaysItHasCaughtUp() {
        fake.addUnclustered("dog", "beach", 12);
        library.refresh();
        assertThat(library.clustersPendingProperty().get()).isTrue();
        assertThat(tree().node().count()).as("the counts are there before the clusters").isEqualTo(12);

        fake.recluster();

        assertThat(library.clustersPendingProperty().get()).isFalse();
        assertThat(tree().node().count()).isEqualTo(12);
    }

    @Test
    void refreshesWhileOneRunsMakeOneMore() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        fake.removeObserver(library);
        open(executor);
        fake.add("dog", "beach", 4);
        executor.finishAll();
        // a fresh view model on the same library, refreshed by hand
        fake.removeObserver(library);
        open(executor);
        fake.removeObserver(library);

        library.refresh();
        library.refresh();
        library.refresh();
        assertThat(executor.pending()).isEqualTo(1);

        executor.finish(0); // the tree arrives: All photos is selected (its images load) and one more refresh starts
        assertThat(executor.pending()).isEqualTo(2);
        executor.finishAll();
        assertThat(executor.pending()).isZero();
        assertThat(grid.images()).hasSize(4);
    }

    @Test
    void aBurstOfChangesMakesOneHopAndOneMoreRead() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        fake.removeObserver(library);
        HoldingUi ui = new HoldingUi(executor);
        library = new LibraryViewModel(fake, ui, notices);
        for (int i = 0; i < 50; i++) {
            library.libraryChanged(); // as an import's batches would, from its own thread
        }
        assertThat(ui.held).hasSize(1);

        ui.runHeld();
        assertThat(executor.pending()).isEqualTo(1);
        library.libraryChanged();
        library.libraryChanged();
        ui.runHeld();
        assertThat(executor.pending()).as("one read in flight, the next one waits for it").isEqualTo(1);
        executor.finish(0);
        assertThat(executor.pending()).isEqualTo(1);
        executor.finishAll();
        assertThat(executor.pending()).isZero();
    }

    /** Work goes to a manual executor; hops to the UI thread wait until {@link #runHeld()}. */
    private static final class HoldingUi implements TaskExecutor {
        final TaskExecutor work;
        final List<Runnable> held = new java.util.ArrayList<>();

        HoldingUi(TaskExecutor work) {
            this.work = work;
        }

        @Override
        public <T> Cancellable submit(java.util.concurrent.Callable<T> task, java.util.function.Consumer<? super T> onSuccess,
                java.util.function.Consumer<? super Throwable> onFailure) {
            return work.submit(task, onSuccess, onFailure);
        }

        @Override
        public void onUi(Runnable action) {
            held.add(action);
        }

        void runHeld() {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void aLibraryThatCannotBeReadIsShownInTheNoticeLine() {
        fake.add("dog", "beach", 3);
        fake.readFailure = new IllegalStateException("Database may be already in use");

        library.refresh();

        assertThat(notices.messageProperty().get())
                .isEqualTo("The library could not be read: Database may be already in use (details in the log file).");
        assertThat(tree().node().count()).as("the tree shown stays").isEqualTo(3);
    }

    @Test
    void untilTheFirstReadOpensTheLibraryTheTreeAndTheGridSaySoThenShowIt() {
        fake.removeObserver(library);
        ManualTaskExecutor executor = new ManualTaskExecutor();
        open(executor);
        twelvePhotos();

        assertThat(library.placeholderProperty().get()).isEqualTo(LibraryViewModel.OPENING);
        assertThat(library.openingProperty().get()).isTrue();
        assertThat(grid.placeholderProperty().get()).isEqualTo(LibraryViewModel.OPENING);

        executor.finishAll();

        assertThat(library.placeholderProperty().get()).isEmpty();
        assertThat(library.openingProperty().get()).isFalse();
        assertThat(grid.placeholderProperty().get()).isEmpty();
        assertThat(tree().node().count()).isEqualTo(12);
        assertThat(grid.images()).hasSize(12);
        assertThat(grid.loadingProperty().get()).isFalse();
    }

    @Test
    void aLibraryThatCannotBeOpenedSaysSoInOneSentenceAndRefreshTriesAgain() {
        fake.removeObserver(library);
        twelvePhotos();
        fake.readFailure = new org.imageorganizer.model.ExplainedException(
                "Cannot open the library /home/me/library.mv.db: another program is using it.");

        library.refresh();

        assertThat(library.placeholderProperty().get()).isEqualTo(LibraryViewModel.UNAVAILABLE);
        assertThat(library.openingProperty().get()).as("drops go ahead: the import says why it cannot").isFalse();
        assertThat(notices.messageProperty().get()).isEqualTo("The library could not be opened: "
                + "Cannot open the library /home/me/library.mv.db: another program is using it.");

        fake.readFailure = null;
        library.refresh();

        assertThat(library.placeholderProperty().get()).isEmpty();
        assertThat(tree().node().count()).isEqualTo(12);
    }

    @Test
    void theViewModelStopsListeningWhenRemoved() {
        assertThat(fake.observers()).isEqualTo(1);
        fake.removeObserver(library);
        fake.add("dog", "beach", 2);
        assertThat(tree().node().count()).isZero();
    }
}
