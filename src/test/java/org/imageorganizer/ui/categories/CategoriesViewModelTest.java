package org.imageorganizer.ui.categories;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.imageorganizer.model.Category;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.ui.ManualTaskExecutor;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.SortingLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("ui")
@Tag("database")
class CategoriesViewModelTest {
    @TempDir
    Path dir;
    private SortingLibrary library;
    private CategoriesViewModel model;
    private long bird;

    @BeforeEach
    void open() {
        library = new SortingLibrary(dir);
        library.add("cat", 0, 2, "cat", "inside");
        bird = library.add("bird", 4, 3, "cat", "outside");
        library.sorting().resort().request().join(); // as the model sorts them now
        model = new CategoriesViewModel(library::sorting, new SameThreadTaskExecutor());
        model.load();
    }

    @AfterEach
    void close() {
        library.close();
    }

    private List<String> names(CategoryKind kind) {
        return model.rows(kind).stream().map(r -> r.nameProperty().get()).toList();
    }

    private CategoryRow row(CategoryKind kind, String name) {
        return model.rows(kind).stream().filter(r -> r.nameProperty().get().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void itListsTheLibrarysCategoriesWithTheirWordsAndHowSure() {
        assertThat(names(CategoryKind.OBJECT)).containsExactly("cat", "dog");
        assertThat(names(CategoryKind.BACKGROUND)).containsExactly("inside", "outside");
        assertThat(row(CategoryKind.OBJECT, "dog").wordsProperty().get()).isEqualTo("axis 1");
        assertThat(row(CategoryKind.OBJECT, "cat").wordsProperty().get()).isEmpty();
        assertThat(model.surenessProperty().get()).isEqualTo(0.2);
        assertThat(model.previewProperty().get()).isEqualTo("Nothing changed yet.");
    }

    @Test
    void aNewCategoryShowsHowManyPhotosItWouldTakeAndOkSavesIt() {
        model.newNameProperty().set("bird");
        model.newWordsProperty().set("axis 4");
        assertThat(model.add(CategoryKind.OBJECT)).isTrue();
        assertThat(model.previewProperty().get()).isEqualTo("1 photo of 2 would move to another category.");
        assertThat(library.library().categories().all()).extracting(Category::name).doesNotContain("bird");

        AtomicBoolean saved = new AtomicBoolean();
        model.save(() -> saved.set(true));

        assertThat(saved).isTrue();
        Category added = library.library().categories().byName(CategoryKind.OBJECT, "bird").orElseThrow();
        assertThat(added.words()).isEqualTo("axis 4");
        assertThat(library.labels(bird).object().name()).as("moved by the re-sort, not by saving").isEqualTo("cat");
    }

    @Test
    void renamingMovesNothingAndIsSavedWithNewWordsAndHowSure() {
        assertThat(model.rename(row(CategoryKind.OBJECT, "cat"), " kitten ")).isTrue();
        assertThat(model.previewProperty().get()).isEqualTo("No photo would move.");
        assertThat(model.describe(row(CategoryKind.BACKGROUND, "inside"), "axis 5")).isTrue();
        model.surenessProperty().set(0.5);

        model.save(() -> { });

        assertThat(library.library().categories().byName(CategoryKind.OBJECT, "kitten")).isPresent();
        assertThat(library.library().categories().byName(CategoryKind.BACKGROUND, "inside").orElseThrow().words())
                .isEqualTo("axis 5");
        assertThat(library.sorting().categories().threshold()).isEqualTo(0.5);
    }

    @Test
    void takenOrForbiddenNamesAndTheLastTwoOfAKindAreRefusedWithASentence() {
        model.newNameProperty().set("Dog");
        assertThat(model.add(CategoryKind.OBJECT)).isFalse();
        assertThat(model.problemProperty().get()).isEqualTo("There is a object category \"Dog\" already.");

        assertThat(model.rename(row(CategoryKind.OBJECT, "cat"), "other")).isFalse();
        assertThat(model.problemProperty().get()).contains("choose another name");
        assertThat(names(CategoryKind.OBJECT)).containsExactly("cat", "dog");

        assertThat(model.remove(row(CategoryKind.BACKGROUND, "inside"))).isFalse();
        assertThat(model.problemProperty().get()).isEqualTo("Keep at least 2 background categories.");
        assertThat(names(CategoryKind.BACKGROUND)).containsExactly("inside", "outside");
    }

    @Test
    void removingACategoryCountsItsPhotosAndSavingRemovesIt() {
        model.newNameProperty().set("garden");
        model.add(CategoryKind.BACKGROUND);
        model.save(() -> { });
        model = new CategoriesViewModel(library::sorting, new SameThreadTaskExecutor());
        model.load();

        assertThat(model.remove(row(CategoryKind.BACKGROUND, "outside"))).isTrue();
        assertThat(model.previewProperty().get()).isEqualTo("1 photo of 2 would move to another category.");
        model.save(() -> { });
        assertThat(library.library().categories().byName(CategoryKind.BACKGROUND, "outside")).isEmpty();
        assertThat(library.library().images().count()).isEqualTo(2);
    }

    @Test
    void changesWhileAPhotoCountRunsMakeOneMoreCountAfterIt() {
        ManualTaskExecutor manual = new ManualTaskExecutor();
        model = new CategoriesViewModel(library::sorting, manual);
        model.load();
        manual.finishAll();
        model.newNameProperty().set("bird");
        model.newWordsProperty().set("axis 4");
        model.add(CategoryKind.OBJECT);
        model.surenessProperty().set(0.3);
        model.countMoves();
        assertThat(model.previewProperty().get()).isEqualTo("Counting the photos this would move…");
        assertThat(manual.pending()).isEqualTo(1);

        manual.finish(0);
        assertThat(manual.pending()).as("one more count, for the change made meanwhile").isEqualTo(1);
        manual.finishAll();
        assertThat(model.previewProperty().get()).isEqualTo("1 photo of 2 would move to another category.");
    }
}
