package org.imageorganizer.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.FakeLibrary;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.library.TreeNode;
import org.junit.jupiter.api.Test;

/** What the grid says instead of photos: a filter with no match is not an empty library. */
class GridHintTest {
    private final FakeLibrary fake = new FakeLibrary();
    private final ImageGridViewModel grid = new ImageGridViewModel(fake, fake, new SameThreadTaskExecutor(), new Notices());
    private final SimpleStringProperty placeholder = new SimpleStringProperty("");
    private final SimpleBooleanProperty libraryEmpty = new SimpleBooleanProperty();
    private final SimpleStringProperty filter = new SimpleStringProperty("");
    private final SimpleBooleanProperty filterMatchesNothing = new SimpleBooleanProperty();
    private final SimpleStringProperty search = new SimpleStringProperty("");
    private final AtomicInteger filterCleared = new AtomicInteger();
    private final AtomicInteger searchCleared = new AtomicInteger();
    private final GridHint hint = new GridHint(grid, placeholder, libraryEmpty, filter, filterMatchesNothing, search,
            filterCleared::incrementAndGet, searchCleared::incrementAndGet);

    private GridHint.State state() {
        return hint.stateProperty().get();
    }

    @Test
    void aFilterWithNoMatchSaysSoOffersClearAndHidesThePhotosKept() {
        List<ImageRecord> dogs = fake.add("dog", "beach", 3);
        grid.show(new TreeNode(TreeNode.Level.OBJECT, "Dog", "dog", null, 0, dogs.stream().map(ImageRecord::id).toList()));
        assertThat(state().kind()).isEqualTo(GridHint.Kind.NONE);

        filter.set("sunset");
        filterMatchesNothing.set(true);

        assertThat(state().title()).isEqualTo("Nothing matches \u2018sunset\u2019");
        assertThat(state().clearable()).isTrue();
        assertThat(state().hidesPhotos()).isTrue();
        assertThat(grid.images()).as("the row's photos are kept for when the filter is cleared").hasSize(3);

        hint.clear();
        assertThat(filterCleared).hasValue(1);
        assertThat(searchCleared).hasValue(0);
    }

    @Test
    void theDropHintOnlyWhenTheLibraryIsReallyEmpty() {
        grid.show(new TreeNode(TreeNode.Level.ALL, "All photos", null, null, 0, List.of()));
        libraryEmpty.set(true);
        assertThat(state().kind()).isEqualTo(GridHint.Kind.DROP_HERE);
        assertThat(state().title()).isEqualTo("Drop photos or folders here");
        assertThat(state().clearable()).isFalse();

        libraryEmpty.set(false); // a row left without photos (all removed): not the drop hint
        assertThat(state().kind()).isEqualTo(GridHint.Kind.NO_PHOTOS);
        assertThat(state().title()).isEqualTo("No photos here");
    }

    @Test
    void aSearchWithoutResultsSaysNothingMatchesAndClearClearsTheSearch() {
        grid.showFound(List.of());
        search.set("sunset");

        assertThat(state().kind()).isEqualTo(GridHint.Kind.SEARCH_MATCHES_NOTHING);
        assertThat(state().title()).isEqualTo("Nothing matches \u2018sunset\u2019");
        assertThat(state().hidesPhotos()).isFalse();
        hint.clear();
        assertThat(searchCleared).hasValue(1);
        assertThat(filterCleared).hasValue(0);
    }

    @Test
    void whileTheLibraryOpensItSaysSo() {
        placeholder.set("Opening the library…");
        filter.set("sunset");
        filterMatchesNothing.set(true);

        assertThat(state().kind()).isEqualTo(GridHint.Kind.OPENING);
        assertThat(state().title()).isEqualTo("Opening the library…");
        assertThat(state().clearable()).isFalse();
    }
}
