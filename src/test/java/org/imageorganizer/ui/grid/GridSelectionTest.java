package org.imageorganizer.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.FakeLibrary;
import org.junit.jupiter.api.Test;

/** The grid's selection rules: click, Ctrl-click, Shift-click from the anchor, all, clear, band, and images that leave. */
class GridSelectionTest {
    private final FakeLibrary fake = new FakeLibrary();
    private final List<ImageRecord> photos = fake.add("dog", "beach", 8);
    private final ObservableList<ImageRecord> items = FXCollections.observableArrayList(photos);
    private final GridSelection selection = new GridSelection(items);

    private List<Long> selectedIds() {
        return selection.selected().stream().map(ImageRecord::id).toList();
    }

    private List<Long> ids(int... indexes) {
        return java.util.Arrays.stream(indexes).mapToObj(i -> photos.get(i).id()).toList();
    }

    @Test
    void aClickSelectsOneAndCtrlClickToggles() {
        selection.select(photos.get(2));
        assertThat(selectedIds()).isEqualTo(ids(2));
        selection.select(photos.get(4));
        assertThat(selectedIds()).isEqualTo(ids(4));

        selection.toggle(photos.get(1));
        selection.toggle(photos.get(6));
        assertThat(selectedIds()).isEqualTo(ids(1, 4, 6));
        selection.toggle(photos.get(4));
        assertThat(selectedIds()).isEqualTo(ids(1, 6));
        assertThat(selection.currentProperty().get()).isEqualTo(photos.get(4));
        assertThat(selection.countProperty().get()).isEqualTo(2);
    }

    @Test
    void shiftClickSelectsTheRangeFromTheAnchorEitherWay() {
        selection.select(photos.get(3));
        selection.extendTo(photos.get(6), false);
        assertThat(selectedIds()).isEqualTo(ids(3, 4, 5, 6));

        selection.extendTo(photos.get(1), false); // the anchor stays at 3: the range replaces the last one
        assertThat(selectedIds()).isEqualTo(ids(1, 2, 3));
        assertThat(selection.currentProperty().get()).isEqualTo(photos.get(1));
    }

    @Test
    void ctrlShiftClickAddsTheRangeToTheSelection() {
        selection.select(photos.get(0));
        selection.toggle(photos.get(5)); // the anchor moves to 5
        selection.extendTo(photos.get(7), true);
        assertThat(selectedIds()).isEqualTo(ids(0, 5, 6, 7));
    }

    @Test
    void allAndClear() {
        selection.selectAll();
        assertThat(selection.selected()).isEqualTo(photos);
        long version = selection.versionProperty().get();
        selection.clear();
        assertThat(selection.selected()).isEmpty();
        assertThat(selection.versionProperty().get()).isEqualTo(version + 1); // one change for all of them
    }

    @Test
    void theActionsActOnTheSelectionElseOnTheCurrentImage() {
        assertThat(selection.targets()).isEmpty();
        selection.select(photos.get(2));
        selection.clear();
        assertThat(selection.targets()).containsExactly(photos.get(2));
        selection.toggle(photos.get(5));
        selection.toggle(photos.get(3));
        assertThat(selection.targets()).containsExactly(photos.get(3), photos.get(5)); // in the grid's order
    }

    @Test
    void aBandSelectsWhatItTouchesAndWithCtrlKeepsWhatWasSelected() {
        selection.select(photos.get(0));
        Set<Long> before = selection.ids();

        selection.band(List.of(photos.get(4), photos.get(5)), false, before);
        assertThat(selectedIds()).isEqualTo(ids(4, 5));
        selection.band(List.of(photos.get(4)), true, before);
        assertThat(selectedIds()).isEqualTo(ids(0, 4));
    }

    @Test
    void imagesThatLeaveTheGridLeaveTheSelection() {
        selection.select(photos.get(1));
        selection.toggle(photos.get(2));
        selection.toggle(photos.get(6));

        items.setAll(photos.subList(2, 8)); // another read of the row: 0 and 1 are gone

        assertThat(selectedIds()).isEqualTo(ids(2, 6));
        assertThat(selection.currentProperty().get()).isEqualTo(photos.get(6));
    }

    @Test
    void afterARemovalTheNextImageIsCurrentAndSelected() {
        selection.select(photos.get(3));
        selection.toggle(photos.get(4));

        items.removeAll(photos.get(3), photos.get(4));

        assertThat(selection.currentProperty().get()).isEqualTo(photos.get(5));
        assertThat(selectedIds()).isEqualTo(ids(5)); // Delete again goes on with the next one
    }

    @Test
    void theSelectionSurvivesANewReadOfTheSameImages() {
        selection.select(photos.get(2));
        selection.extendTo(photos.get(4), false);

        items.setAll(List.copyOf(photos)); // the tree refreshed: same photos, new list

        assertThat(selectedIds()).isEqualTo(ids(2, 3, 4));
        selection.extendTo(photos.get(5), false); // the anchor is still 2
        assertThat(selectedIds()).isEqualTo(ids(2, 3, 4, 5));
    }
}
