package org.imageorganizer.ui.sorting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.Label;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.SortingLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("ui")
@Tag("database")
class SortingViewModelTest {
    @TempDir
    Path dir;
    private SortingLibrary library;
    private final Notices notices = new Notices();
    private final AtomicInteger refreshed = new AtomicInteger();
    private SortingViewModel model;
    private long first;
    private long second;

    @BeforeEach
    void open() {
        library = new SortingLibrary(dir);
        first = library.add("first", 0, 2, "cat", "inside");
        second = library.add("second", 0, 3, "cat", "outside");
        model = new SortingViewModel(library::sorting, new SameThreadTaskExecutor(), notices, refreshed::incrementAndGet);
        model.loadCategories();
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void theMenusListTheLibrarysCategoriesOfEachKind() {
        assertThat(model.objects()).containsExactly("cat", "dog");
        assertThat(model.backgrounds()).containsExactly("inside", "outside");
    }

    @Test
    void aMoveIsTheUsersChoiceAndUndoAndRedoSayWhatTheyTakeBack() {
        assertThat(model.canUndoProperty().get()).isFalse();
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo");

        model.moveTo(List.of(first, second), CategoryKind.OBJECT, "dog");

        assertThat(library.labels(first).object()).isEqualTo(new Label("dog", 0.5, true));
        assertThat(library.labels(second).object().name()).isEqualTo("dog");
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo Move 2 Photos to “dog”");
        assertThat(model.canUndoProperty().get()).isTrue();
        assertThat(refreshed).hasValue(1);

        model.undo();
        assertThat(library.labels(first).object()).isEqualTo(new Label("cat", 0.5, false));
        assertThat(library.labels(second).object()).isEqualTo(new Label("cat", 0.5, false));
        assertThat(model.canUndoProperty().get()).isFalse();
        assertThat(model.redoTextProperty().get()).isEqualTo("Redo Move 2 Photos to “dog”");

        model.redo();
        assertThat(library.labels(first).object()).isEqualTo(new Label("dog", 0.5, true));
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo Move 2 Photos to “dog”");
        assertThat(model.canRedoProperty().get()).isFalse();
        assertThat(notices.messageProperty().get()).isEmpty();
    }

    @Test
    void aDropOnABackgroundRowMovesBothKindsAndOneUndoTakesBothBack() {
        model.moveTo(List.of(first), "dog", "outside");
        assertThat(library.labels(first).object().name()).isEqualTo("dog");
        assertThat(library.labels(first).background()).isEqualTo(new Label("outside", 0.5, true));
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo Move 1 Photo to “dog” → “outside”");

        model.undo();
        assertThat(library.labels(first).object().name()).isEqualTo("cat");
        assertThat(library.labels(first).background().name()).isEqualTo("inside");
    }

    @Test
    void theAppsChoiceComesBackAndANewMoveForgetsWhatWasUndone() {
        model.moveTo(List.of(first), CategoryKind.BACKGROUND, "outside");
        model.useAppChoice(List.of(first), CategoryKind.BACKGROUND);
        assertThat(library.labels(first).background()).isEqualTo(new Label("inside", 0.5, false));
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo Use the App's “Where” for 1 Photo");

        model.undo();
        assertThat(library.labels(first).background()).isEqualTo(new Label("outside", 0.5, true));
        model.moveTo(List.of(second), CategoryKind.OBJECT, "dog");
        assertThat(model.canRedoProperty().get()).isFalse();
    }

    @Test
    void anUnknownCategoryIsASentenceAndLeavesNothingToUndo() {
        model.moveTo(List.of(first), CategoryKind.OBJECT, "horse");
        assertThat(notices.messageProperty().get()).startsWith("The photos could not be moved: There is no object category \"horse\"");
        assertThat(model.canUndoProperty().get()).isFalse();
    }

    @Test
    void afterTheCategoriesChangeTheLibraryIsSortedAgainAndTheNoticeSaysWhatMoved() {
        long bird = library.add("bird", 4, 2, "cat", "inside");
        library.sorting().resort().request().join(); // as the model sorts them now
        library.sorting().categories().add(CategoryKind.OBJECT, "bird", "axis 4");

        model.categoriesChanged();

        assertThat(model.resortingProperty().get()).isFalse();
        assertThat(library.labels(bird).object().name()).isEqualTo("bird");
        assertThat(library.labels(first).object().name()).isEqualTo("cat");
        assertThat(notices.messageProperty().get()).isEqualTo("Your photos were sorted again; 1 photo moved.");
        assertThat(model.objects()).containsExactly("cat", "dog", "bird");
        assertThat(refreshed).hasValue(1);
    }
}
