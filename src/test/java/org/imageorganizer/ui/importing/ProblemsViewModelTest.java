package org.imageorganizer.ui.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Problems panel: its actions, and its list kept across a restart. */
class ProblemsViewModelTest {
    @TempDir
    Path dir;

    private final List<List<Path>> imported = new ArrayList<>();
    private final List<Path> shown = new ArrayList<>();

    private ProblemsViewModel problems(ObservableList<FileFailure> list) {
        ProblemsViewModel model = new ProblemsViewModel(list, new ProblemsStore(dir.resolve("data/problems.json")),
                new SameThreadTaskExecutor(), imported::add, shown::add);
        model.load();
        return model;
    }

    private static FileFailure refused(String name) {
        return new FileFailure(Path.of("/photos", name), "not an image (the content is plain text)");
    }

    @Test
    void theListIsKeptAcrossARestartAndClearEmptiesItForGood() {
        ObservableList<FileFailure> first = FXCollections.observableArrayList();
        ProblemsViewModel before = problems(first);
        first.add(refused("notes.jpg"));
        first.add(refused("broken.png"));

        ObservableList<FileFailure> second = FXCollections.observableArrayList();
        problems(second); // the next run
        assertThat(second).containsExactly(refused("notes.jpg"), refused("broken.png"));

        before.clear();
        ObservableList<FileFailure> third = FXCollections.observableArrayList();
        problems(third);
        assertThat(third).isEmpty();
    }

    @Test
    void problemsFoundBeforeTheOldListIsReadComeAfterItOnce() {
        ObservableList<FileFailure> first = FXCollections.observableArrayList();
        problems(first);
        first.addAll(refused("a.jpg"), refused("b.jpg"));

        ObservableList<FileFailure> next = FXCollections.observableArrayList(refused("b.jpg"), refused("c.jpg"));
        problems(next);

        assertThat(next).containsExactly(refused("a.jpg"), refused("b.jpg"), refused("c.jpg"));
    }

    @Test
    void retryImportsTheChosenFilesAgainAndTakesThemOffTheList() {
        ObservableList<FileFailure> list = FXCollections.observableArrayList();
        ProblemsViewModel problems = problems(list);
        list.addAll(refused("a.jpg"), refused("b.jpg"), refused("c.jpg"));

        problems.retry(List.of(list.get(0), list.get(2)));

        assertThat(imported).containsExactly(List.of(Path.of("/photos/a.jpg"), Path.of("/photos/c.jpg")));
        assertThat(list).containsExactly(refused("b.jpg"));
    }

    @Test
    void copyGivesOneLineAFileAndShowInFolderShowsTheFirstOrSaysWhyNot() {
        ObservableList<FileFailure> list = FXCollections.observableArrayList(refused("a.jpg"), refused("b.jpg"));
        ProblemsViewModel problems = problems(list);

        assertThat(problems.copyText(list)).isEqualTo(
                "/photos/a.jpg — not an image (the content is plain text)\n/photos/b.jpg — not an image (the content is plain text)");
        problems.showInFolder(List.of(list.get(1)));
        assertThat(shown).containsExactly(Path.of("/photos/b.jpg"));

        ProblemsViewModel failing = new ProblemsViewModel(list, new ProblemsStore(dir.resolve("other.json")),
                new SameThreadTaskExecutor(), imported::add, file -> {
                    throw new IOException("no file manager");
                });
        failing.showInFolder(List.of(list.get(0)));
        assertThat(failing.messageProperty().get()).isEqualTo("The file manager could not show a.jpg.");
    }

    @Test
    void anImportThatFoundPhotosAlreadyInTheLibraryLinksToDuplicates() {
        ProblemsViewModel problems = problems(FXCollections.observableArrayList());
        int[] opened = {0};
        problems.setOnShowDuplicates(() -> opened[0]++);

        problems.importFinished(new ImportSummary(5, 3, 2, 0, List.of(), false, Duration.ofSeconds(1)));
        assertThat(problems.duplicatesTextProperty().get()).isEqualTo("2 photos were already in the library");
        problems.showDuplicates();
        assertThat(opened[0]).isEqualTo(1);

        problems.importFinished(new ImportSummary(1, 1, 0, 0, List.of(), false, Duration.ofSeconds(1)));
        assertThat(problems.duplicatesTextProperty().get()).isEmpty();
    }

    @Test
    void aBrokenFileIsAnEmptyListAndEntriesWithoutAPathAreLeftOut() throws IOException {
        Path file = dir.resolve("problems.json");
        Files.writeString(file, "{ not json");
        assertThat(new ProblemsStore(file).load()).isEmpty();

        Files.writeString(file, "[{\"path\":\"/p/a.jpg\",\"reason\":\"too large\"},{\"reason\":\"no path\"},{\"path\":42,\"reason\":\"x\"},null]");
        assertThat(new ProblemsStore(file).load()).containsExactly(new FileFailure(Path.of("/p/a.jpg"), "too large"));
    }

    @Test
    void theStoreKeepsTheNewestThousand() {
        List<FileFailure> many = new ArrayList<>();
        for (int i = 0; i < ProblemsStore.MOST + 5; i++) {
            many.add(refused(i + ".jpg"));
        }
        ProblemsStore store = new ProblemsStore(dir.resolve("p.json"));
        store.save(many);

        List<FileFailure> kept = store.load();
        assertThat(kept).hasSize(ProblemsStore.MOST);
        assertThat(kept.get(0)).isEqualTo(refused("5.jpg"));
    }
}
