package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.imageorganizer.model.Category;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.Correction;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.SortedLabels;
import org.junit.jupiter.api.Test;

/** Corrections by content, the effective labels that follow them, and the categories they name (ADR 0042). */
class LabelCorrectionsTest extends LibraryTestCase {
    private Category category(CategoryKind kind, String name) {
        return library.categories().byName(kind, name).orElseThrow();
    }

    private ImageRecord image(long id) {
        return library.images().findById(id).orElseThrow();
    }

    @Test
    void aCorrectionIsTheLabelEverywhereAndPredictedGivesTheModelsBack() {
        long a = library.images().insert(TestRecords.image("a", "cat", "indoor")).id();
        long b = library.images().insert(TestRecords.image("b", "cat", "indoor")).id();
        long serial = library.info().labelSerial();

        List<Correction> before = library.corrections().set(List.of(a, b, 999L), CategoryKind.OBJECT,
                category(CategoryKind.OBJECT, "dog").id(), "test");

        assertThat(before).containsExactly(new Correction(a, CategoryKind.OBJECT, null), new Correction(b, CategoryKind.OBJECT, null));
        assertThat(image(a).classification().object()).isEqualTo(new Label("dog", 0.9, true));
        assertThat(image(a).classification().background()).isEqualTo(new Label("indoor", 0.75, false));
        assertThat(library.images().count("dog", "indoor")).isEqualTo(2);
        assertThat(library.images().groupMembership()).containsOnlyKeys(new org.imageorganizer.model.GroupKey("dog", "indoor"));
        assertThat(library.info().labelSerial()).isGreaterThan(serial);

        library.corrections().set(List.of(a), CategoryKind.OBJECT, null, "test");
        assertThat(image(a).classification().object()).isEqualTo(new Label("cat", 0.9, false));
        assertThat(image(b).classification().object().name()).isEqualTo("dog");

        library.corrections().apply(before, "test"); // undo the first change
        assertThat(image(b).classification().object()).isEqualTo(new Label("cat", 0.9, false));
    }

    @Test
    void theContentKeepsItsCorrectionWhenItIsRemovedAndImportedAgain() {
        long a = library.images().insert(TestRecords.image("a", "cat", "indoor")).id();
        library.corrections().set(List.of(a), CategoryKind.BACKGROUND, category(CategoryKind.BACKGROUND, "beach").id(), "test");
        library.images().delete(a);

        ImageRecord again = library.images().insert(TestRecords.image("a", "cat", "indoor"));
        assertThat(again.id()).isNotEqualTo(a);
        assertThat(again.classification().background()).isEqualTo(new Label("beach", 0.75, true));
        assertThat(again.classification().object()).isEqualTo(new Label("cat", 0.9, false));
    }

    @Test
    void aCategoryOfTheOtherKindIsRefusedAndNothingChanges() {
        long a = library.images().insert(TestRecords.image("a", "cat", "indoor")).id();
        long beach = category(CategoryKind.BACKGROUND, "beach").id();
        assertThatThrownBy(() -> library.corrections().set(List.of(a), CategoryKind.OBJECT, beach, "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"beach\" is a background category, not an object one.");
        assertThat(image(a).classification().object()).isEqualTo(new Label("cat", 0.9, false));
    }

    @Test
    void renamingACategoryRenamesItsLabelsAndKeepsWhatTheModelSawInIt() {
        long a = library.images().insert(TestRecords.image("a", "cat", "indoor")).id();
        long b = library.images().insert(TestRecords.image("b", "dog", "indoor")).id();
        Category dog = category(CategoryKind.OBJECT, "dog");
        library.corrections().set(List.of(a), CategoryKind.OBJECT, dog.id(), "test");

        Category renamed = library.categories().rename(dog.id(), "Rex");

        assertThat(renamed.words()).as("the model keeps seeing it as before").isEqualTo("dog");
        assertThat(image(a).classification().object()).isEqualTo(new Label("Rex", 0.9, true));
        assertThat(image(b).classification().object()).isEqualTo(new Label("Rex", 0.9, false));
        assertThat(library.labels().corrections()).containsEntry(image(a).sha256(), Map.of(CategoryKind.OBJECT, "Rex"));
        assertThatThrownBy(() -> library.categories().rename(renamed.id(), "CAT"))
                .hasMessage("There is already an object category \"CAT\".");
    }

    @Test
    void removingACategoryTakesItsCorrectionsButNeverTheLastTwoOfAKind() {
        long a = library.images().insert(TestRecords.image("a", "cat", "indoor")).id();
        Category dog = category(CategoryKind.OBJECT, "dog");
        library.corrections().set(List.of(a), CategoryKind.OBJECT, dog.id(), "test");

        library.categories().remove(dog.id());

        assertThat(library.labels().corrections()).isEmpty();
        assertThat(library.categories().byName(CategoryKind.OBJECT, "dog")).isEmpty();
        List<Category> backgrounds = library.categories().all().stream().filter(c -> c.kind() == CategoryKind.BACKGROUND).toList();
        for (Category background : backgrounds.subList(0, backgrounds.size() - 2)) {
            library.categories().remove(background.id());
        }
        Category last = library.categories().all().stream().filter(c -> c.kind() == CategoryKind.BACKGROUND).findFirst().orElseThrow();
        assertThatThrownBy(() -> library.categories().remove(last.id()))
                .hasMessageStartingWith("The library needs at least 2 background categories to sort photos;");
    }

    @Test
    void aResortWritesOnlyTheRowsGivenAndReadsThemBackAsWritten() {
        long a = library.images().insert(TestRecords.image("a", "cat", "indoor")).id();
        long b = library.images().insert(TestRecords.image("b", "dog", "beach")).id();
        List<ImageLabels.Stored> stored = new java.util.ArrayList<>();
        library.labels().forEach(stored::add);
        assertThat(stored).extracting(s -> s.labels().imageId()).containsExactly(a, b);
        assertThat(stored.get(0).labels().predictedObject()).isEqualTo("cat");
        assertThat(stored.get(0).embedding()).containsExactly(TestRecords.vector("a".hashCode()));

        SortedLabels moved = new SortedLabels(a, new org.imageorganizer.model.Classification(new Label("bird", 0.6),
                new Label("indoor", 0.75)), "bird", "indoor");
        assertThat(library.labels().write(List.of(moved))).isEqualTo(1);

        assertThat(image(a).classification().object()).isEqualTo(new Label("bird", 0.6, false));
        assertThat(image(b).classification().object()).isEqualTo(new Label("dog", 0.9, false));
    }
}
