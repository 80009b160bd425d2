package org.imageorganizer.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.PhotoDuplicates.PhotoStack;
import org.imageorganizer.services.PhotoDuplicates.StackedPhoto;
import org.imageorganizer.ui.FakeLibrary;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.library.TreeNode;
import org.junit.jupiter.api.Test;

/** Near-duplicate stacks in the grid: one tile per stack with its count, opened inline, over the photos of the list only. */
class GridStacksTest {
    private final FakeLibrary fake = new FakeLibrary();
    private final List<ImageRecord> photos = fake.add("dog", "beach", 7);

    /** A stack: the keeper first. */
    static PhotoStack stack(ImageRecord keeper, ImageRecord... others) {
        List<StackedPhoto> rest = new ArrayList<>();
        for (ImageRecord other : others) {
            rest.add(new StackedPhoto(other, List.of(other.location()), List.of("resized"), "Same picture, resized"));
        }
        return new PhotoStack("token", new StackedPhoto(keeper, List.of(keeper.location()), List.of(), null), rest);
    }

    private static List<Long> ids(List<ImageRecord> images) {
        return images.stream().map(ImageRecord::id).toList();
    }

    private long id(int index) {
        return photos.get(index).id();
    }

    @Test
    void aStackIsOneTileAtItsFirstPhotosPlaceShowingTheKeeper() {
        GridStacks stacks = GridStacks.of(List.of(stack(photos.get(4), photos.get(1), photos.get(5))));

        GridStacks.Layout layout = stacks.layout(photos, Set.of());

        // 1, 4 and 5 are one tile, at 1's place, showing 4 (the keeper)
        assertThat(ids(layout.images())).containsExactly(id(0), id(4), id(2), id(3), id(6));
        assertThat(layout.tileSizes()).containsOnlyKeys(id(4)).containsEntry(id(4), 3);
        assertThat(layout.openMembers()).isEmpty();
    }

    @Test
    void anOpenStackShowsItsOtherPhotosAfterItsTile() {
        GridStacks stacks = GridStacks.of(List.of(stack(photos.get(4), photos.get(1), photos.get(5))));

        GridStacks.Layout layout = stacks.layout(photos, Set.of(id(4)));

        assertThat(ids(layout.images())).containsExactly(id(0), id(4), id(1), id(5), id(2), id(3), id(6));
        assertThat(layout.openMembers()).containsExactlyInAnyOrder(id(1), id(5));
        assertThat(layout.tileSizes()).containsEntry(id(4), 3);
    }

    @Test
    void onlyThePhotosOfTheListCountAndOneAloneIsNoStack() {
        GridStacks stacks = GridStacks.of(List.of(stack(photos.get(0), photos.get(3), photos.get(6)),
                stack(photos.get(1), photos.get(2)), stack(photos.get(5))));
        List<ImageRecord> row = List.of(photos.get(6), photos.get(3), photos.get(2), photos.get(4));

        GridStacks.Layout layout = stacks.layout(row, Set.of());

        // 0 is not in the row: its stack is 6 and 3 here, with 3 (first in the keeper's order) as the tile
        assertThat(ids(layout.images())).containsExactly(id(3), id(2), id(4));
        assertThat(layout.tileSizes()).containsOnlyKeys(id(3)).containsEntry(id(3), 2);
        assertThat(stacks.stackedPhotos()).isEqualTo(5); // a photo found in several places alone is not stacked
    }

    @Test
    void theGridFoldsTheLibrarysStacksOnceReadAndOpensThemOnDemand() {
        List<PhotoStack> library = List.of(stack(photos.get(2), photos.get(3)));
        FakeDuplicates duplicates = new FakeDuplicates(library);
        ImageGridViewModel grid = new ImageGridViewModel(fake, fake, duplicates, new SameThreadTaskExecutor(), new Notices());
        grid.show(new TreeNode(TreeNode.Level.ALL, "All photos", null, null, 0, ids(photos)));
        assertThat(grid.images()).hasSize(7); // no stacks read yet

        grid.refreshStacks();

        assertThat(grid.images()).hasSize(6);
        ThumbnailCell.Marks marks = grid.marks();
        ImageRecord tile = photos.get(2);
        assertThat(marks.stackSize(tile)).isEqualTo(2);
        assertThat(marks.stackSize(photos.get(0))).isZero();
        assertThat(marks.stackOpen(tile)).isFalse();

        marks.toggleStack(tile);
        assertThat(grid.images()).hasSize(7).contains(photos.get(3));
        assertThat(marks.stackOpen(tile)).isTrue();
        assertThat(marks.inOpenStack(photos.get(3))).isTrue();
        marks.toggleStack(tile);
        assertThat(grid.images()).hasSize(6).doesNotContain(photos.get(3));
        assertThat(duplicates.calls).isEqualTo(1); // one read per library change, none per cell

        grid.showFound(List.of(photos.get(3), photos.get(0), photos.get(2))); // search results fold the same way
        assertThat(ids(grid.images())).containsExactly(id(2), id(0));
    }

    /** Stacks as given; counts the reads. */
    private static final class FakeDuplicates implements PhotoDuplicates {
        private final List<PhotoStack> stacks;
        int calls;

        FakeDuplicates(List<PhotoStack> stacks) {
            this.stacks = stacks;
        }

        @Override
        public List<PhotoStack> stacks(boolean exactOnly) {
            calls++;
            return stacks;
        }

        @Override
        public List<Long> nearDuplicatesOf(long imageId) {
            return List.of();
        }

        @Override
        public Resolved resolve(String token, long keep, List<Long> remove) {
            throw new UnsupportedOperationException();
        }
    }
}
