package org.imageorganizer.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.model.Category;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.SortingCategories;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.testing.AxisClassifier;
import org.imageorganizer.store.NewImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-sorting with a stand-in text encoder: each category's text embedding is the unit vector of the axis its
 * words name ("axis 2"), or of the first axis when it has none; photos point along one axis.
 */
@Tag("database")
class LibraryResortTest {
    private static final int DIM = 4;

    @TempDir
    Path dir;
    private LibraryDatabase library;
    private final AtomicInteger changes = new AtomicInteger();
    private LibraryResort resort;

    @BeforeEach
    void open() {
        library = LibraryDatabase.open(dir.resolve("library"), new org.imageorganizer.model.LabelSettings(
                List.of("a0", "a1"), List.of("inside", "outside"), null, null, 0.2));
        library.categories().describe(id(CategoryKind.OBJECT, "a1"), "axis 1");
        library.categories().describe(id(CategoryKind.BACKGROUND, "outside"), "axis 3");
        library.categories().describe(id(CategoryKind.BACKGROUND, "inside"), "axis 2");
        resort = new LibraryResort(library, LibraryResortTest::classifier, changes::incrementAndGet);
    }

    @AfterEach
    void close() {
        library.close();
    }

    private long id(CategoryKind kind, String name) {
        return library.categories().byName(kind, name).orElseThrow().id();
    }

    private static ImageClassifier classifier(SortingCategories categories) {
        return AxisClassifier.of(categories, DIM);
    }

    private static float[] axis(int i) {
        float[] v = new float[DIM];
        v[i] = 1;
        return v;
    }

    private static float[] mix(int object, int background) {
        float[] v = new float[DIM];
        v[object] = 0.7071f;
        v[background] = 0.7071f;
        return v;
    }

    private long add(String seed, float[] embedding, String object, String background) {
        byte[] content = seed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return library.images().insert(new NewImage(DigestUtils.sha256Hex(content), "/photos/" + seed + ".jpg", seed + ".jpg",
                content.length, 640, 480, "jpeg", StorageKind.INDEXED,
                new Classification(new Label(object, 0.5), new Label(background, 0.5)), embedding, "test-model")).id();
    }

    private Classification labels(long id) {
        return library.images().findById(id).orElseThrow().classification();
    }

    @Test
    void onlyThePhotosWhoseLabelsChangeAreWrittenAndTheUsersChoicesStay() {
        long right = add("right", mix(1, 3), "a1", "outside");
        long wrong = add("wrong", mix(1, 2), "a0", "inside"); // stored before "a1" was described: sorted anew
        long chosen = add("chosen", mix(1, 2), "a1", "inside");
        library.corrections().set(List.of(chosen), CategoryKind.OBJECT, id(CategoryKind.OBJECT, "a0"), "test");
        long version = library.info().libraryVersion();

        LibraryResort.Summary summary = resort.resort();

        assertThat(summary.photos()).isEqualTo(3);
        assertThat(summary.changed()).isEqualTo(1);
        assertThat(labels(wrong).object().name()).isEqualTo("a1");
        assertThat(labels(right).object().confidence()).as("an unchanged row keeps its confidence").isEqualTo(0.5);
        assertThat(labels(chosen).object()).isEqualTo(new Label("a0", 0.5, true));
        assertThat(library.info().libraryVersion()).isGreaterThan(version);
        assertThat(changes).hasValue(1);

        assertThat(resort.resort().changed()).as("a second re-sort finds nothing to do").isZero();
        assertThat(changes).hasValue(1);
    }

    @Test
    void aNewCategoryTakesItsPhotosAndARemovedOnesGoToTheirNextBest() {
        long photo = add("p", mix(2, 3), "a0", "outside");
        Category third = library.categories().add(CategoryKind.OBJECT, "mine", "axis 2");
        library.corrections().set(List.of(photo), CategoryKind.BACKGROUND, id(CategoryKind.BACKGROUND, "inside"), "test");

        resort.resort();
        assertThat(labels(photo).object().name()).isEqualTo("mine");
        assertThat(labels(photo).background()).isEqualTo(new Label("inside", 0.5, true));

        library.categories().remove(third.id());
        library.categories().add(CategoryKind.BACKGROUND, "third", null);
        library.categories().remove(id(CategoryKind.BACKGROUND, "inside"));
        resort.resort();

        Classification after = labels(photo);
        assertThat(after.object().name()).isEqualTo("a0");
        assertThat(after.background().name()).as("its correction went with its category").isEqualTo("outside");
        assertThat(after.background().byUser()).isFalse();
        assertThat(library.images().count()).isEqualTo(1);
    }

    @Test
    void theThresholdSendsUnsurePhotosToOther() {
        float[] between = new float[DIM];
        between[0] = 0.6f;
        between[1] = 0.6f;
        long unsure = add("unsure", between, "a0", "outside");
        library.info().confidenceThreshold(0.9);
        resort.resort();
        assertThat(labels(unsure).object().name()).isEqualTo(Label.OTHER);

        library.info().confidenceThreshold(0.2);
        resort.resort();
        assertThat(labels(unsure).object().name()).isNotEqualTo(Label.OTHER);
    }

    @Test
    void anEmptyLibraryNeedsNoClassifier() {
        LibraryResort noModel = new LibraryResort(library, c -> {
            throw new AssertionError("no classifier for an empty library");
        }, changes::incrementAndGet);
        assertThat(noModel.resort()).isEqualTo(new LibraryResort.Summary(0, 0, 0, 0));
        List<String> names = new ArrayList<>();
        noModel.categories().objects().forEach(c -> names.add(c.name()));
        assertThat(names).containsExactly("a0", "a1");
    }

    private SortingCategories proposed(List<Category> objects, List<Category> backgrounds) {
        return new SortingCategories(objects, backgrounds, library.info().confidenceThreshold());
    }

    private Category category(CategoryKind kind, String name) {
        return library.categories().byName(kind, name).orElseThrow();
    }

    @Test
    void aPreviewCountsThePhotosANewCategoryWouldTakeAndWritesNothing() {
        long taken = add("taken", mix(2, 3), "a0", "outside");
        add("stays", mix(1, 3), "a1", "outside");
        resort.resort();
        long version = library.info().libraryVersion();
        int told = changes.get();
        Category mine = new Category(0, CategoryKind.OBJECT, "mine", "axis 2", 2);

        LibraryResort.Preview preview = resort.preview(proposed(
                List.of(category(CategoryKind.OBJECT, "a0"), category(CategoryKind.OBJECT, "a1"), mine),
                library.categories().all().stream().filter(c -> c.kind() == CategoryKind.BACKGROUND).toList()));

        assertThat(preview).isEqualTo(new LibraryResort.Preview(2, 1));
        assertThat(labels(taken).object().name()).as("nothing is written").isEqualTo("a0");
        assertThat(library.info().libraryVersion()).isEqualTo(version);
        assertThat(changes).hasValue(told);
    }

    @Test
    void aRenamedCategoryMovesNothingAndARemovedOneMovesItsPhotosWithTheirCorrections() {
        long chosen = add("chosen", mix(1, 3), "a1", "outside");
        library.corrections().set(List.of(chosen), CategoryKind.BACKGROUND, id(CategoryKind.BACKGROUND, "inside"), "test");
        library.categories().add(CategoryKind.BACKGROUND, "third", "axis 0");
        resort.resort();
        assertThat(labels(chosen).background().name()).isEqualTo("inside");
        Category a0 = category(CategoryKind.OBJECT, "a0");
        Category a1 = category(CategoryKind.OBJECT, "a1");
        Category inside = category(CategoryKind.BACKGROUND, "inside");
        Category outside = category(CategoryKind.BACKGROUND, "outside");
        Category third = category(CategoryKind.BACKGROUND, "third");
        Category renamedA1 = new Category(a1.id(), a1.kind(), "bikes", a1.words(), a1.position());
        Category renamedInside = new Category(inside.id(), inside.kind(), "indoors", inside.words(), inside.position());

        assertThat(resort.preview(proposed(List.of(a0, renamedA1), List.of(renamedInside, outside, third))).moved())
                .as("renamed, the user's choice included").isZero();
        assertThat(resort.preview(proposed(List.of(a0, a1), List.of(outside, third))).moved())
                .as("its category removed, the corrected photo goes to the model's choice").isEqualTo(1);
        assertThat(labels(chosen).background()).isEqualTo(new Label("inside", 0.5, true));
    }
}
