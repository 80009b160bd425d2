package org.imageorganizer.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.PhotoMetadata;
import org.imageorganizer.ui.FakeLibrary;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.library.TreeNode;
import org.junit.jupiter.api.Test;

/** The header above the grid: where the user is, how many photos, and the thumbnail size. */
class GridHeadingTest {
    private final FakeLibrary fake = new FakeLibrary();
    private final ImageGridViewModel grid = new ImageGridViewModel(fake, fake, new SameThreadTaskExecutor(), new Notices());
    private final GridHeading heading = new GridHeading(grid);

    @Test
    void theBreadcrumbNamesTheRowFromTheTopAndACountFollowsIt() {
        List<ImageRecord> trains = fake.add("train", "mountain", 3);
        TreeNode cluster = new TreeNode(TreeNode.Level.CLUSTER, "Cluster 1", "train", "mountain", 1,
                trains.stream().map(ImageRecord::id).toList());

        grid.show(cluster);

        assertThat(heading.breadcrumbProperty().get()).isEqualTo("Train \u203A Mountain \u203A Cluster 1");
        assertThat(heading.countProperty().get()).isEqualTo("3 photos");
    }

    @Test
    void aClusterTheUserNamedShowsItsNameAndTheRootIsAllPhotos() {
        List<ImageRecord> one = fake.add("dog", "beach", 1);
        List<Long> ids = one.stream().map(ImageRecord::id).toList();

        grid.show(new TreeNode(TreeNode.Level.CLUSTER, "Rex at the sea", "dog", "beach", 2, ids));
        assertThat(heading.breadcrumbProperty().get()).isEqualTo("Dog \u203A Beach \u203A Rex at the sea");
        assertThat(heading.countProperty().get()).isEqualTo("1 photo");

        grid.show(new TreeNode(TreeNode.Level.ALL, "All photos", null, null, 0, ids));
        assertThat(heading.breadcrumbProperty().get()).isEqualTo("All photos");
    }

    @Test
    void aFoundListIsCountedAndTheRowStaysInTheBreadcrumb() {
        List<ImageRecord> dogs = fake.add("dog", "beach", 4);
        grid.show(new TreeNode(TreeNode.Level.OBJECT, "Dog", "dog", null, 0, dogs.stream().map(ImageRecord::id).toList()));

        grid.showFound(dogs.subList(0, 2));

        assertThat(heading.breadcrumbProperty().get()).isEqualTo("Dog");
        assertThat(heading.countProperty().get()).isEqualTo("2 photos");
    }

    @Test
    void theThumbnailSizeStaysWithinBoundsAndCtrlWheelStepsIt() {
        assertThat(heading.thumbnailSizeProperty().get()).isEqualTo(GridHeading.DEFAULT_SIZE);

        heading.zoom(2);
        assertThat(heading.thumbnailSizeProperty().get()).isEqualTo(GridHeading.DEFAULT_SIZE + 2 * GridHeading.STEP);

        heading.zoom(-100);
        assertThat(heading.thumbnailSizeProperty().get()).isEqualTo(GridHeading.MIN_SIZE);
        heading.thumbnailSizeProperty().set(10_000);
        assertThat(heading.thumbnailSizeProperty().get()).isEqualTo(GridHeading.MAX_SIZE);
        heading.thumbnailSizeProperty().set(Double.NaN);
        assertThat(heading.thumbnailSizeProperty().get()).isEqualTo(GridHeading.DEFAULT_SIZE);
    }

    @Test
    void theGridShowsARowNewestTakenFirstUnderMonthHeadersAndCanSortByDateAdded() {
        ImageRecord may = fake.addTaken("dog", "beach", PhotoMetadata.fromPhoto(LocalDateTime.of(2024, 5, 1, 9, 0), null, null, null));
        ImageRecord undated = fake.add("dog", "beach", 1).get(0);
        ImageRecord june = fake.addTaken("dog", "beach", PhotoMetadata.fromPhoto(LocalDateTime.of(2024, 6, 1, 9, 0), null, null, null));
        TreeNode row = new TreeNode(TreeNode.Level.OBJECT, "Dog", "dog", null, 0, List.of(may.id(), undated.id(), june.id()));

        grid.show(row);
        assertThat(grid.images()).containsExactly(june, may, undated);
        assertThat(grid.sectionsProperty().get()).isNotNull();
        assertThat(grid.images().stream().map(grid.sectionsProperty().get()).toList())
                .containsExactly(MonthSections.title(june.metadata().taken(), java.util.Locale.getDefault(java.util.Locale.Category.FORMAT)),
                        MonthSections.title(may.metadata().taken(), java.util.Locale.getDefault(java.util.Locale.Category.FORMAT)),
                        MonthSections.NO_DATE);

        grid.orderProperty().set(PhotoOrder.DATE_ADDED);
        assertThat(grid.images()).containsExactly(june, undated, may);

        grid.showFound(List.of(may, june));
        assertThat(grid.sectionsProperty().get()).as("a found list is best first, without headers").isNull();
        assertThat(grid.images()).containsExactly(may, june);
    }
}
