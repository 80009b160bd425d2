package org.imageorganizer.ui.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.PhotoSearch;
import org.imageorganizer.services.SearchUnavailableException;
import org.imageorganizer.ui.FakeLibrary;
import org.imageorganizer.ui.ManualTaskExecutor;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.grid.ImageGridViewModel;
import org.imageorganizer.ui.library.LibrarySnapshot;
import org.imageorganizer.ui.library.LibraryTreeBuilder;
import org.imageorganizer.ui.library.NodeTree;
import org.imageorganizer.ui.library.TreeNode;
import org.junit.jupiter.api.Test;

/** The search box and Show Similar over a fake search: debounce, stale answers, filters, captions, back. */
class FindViewModelTest {
    private final FakeLibrary fake = new FakeLibrary();
    private final List<ImageRecord> dogs = fake.add("dog", "beach", 3);
    private final List<ImageRecord> cats = fake.add("cat", "indoor", 2);
    private final ManualDelay delay = new ManualDelay();
    private final FakeSearch search = new FakeSearch();
    private final NodeTree tree = LibraryTreeBuilder.build(new LibrarySnapshot(fake.groupMembership(), fake.tree()), "");
    private final ObjectProperty<TreeNode> row = new SimpleObjectProperty<>(tree.node());
    private final ObjectProperty<NodeTree> trees = new SimpleObjectProperty<>(tree);

    private FindViewModel find(TaskExecutor executor, ImageGridViewModel grid) {
        grid.follow(row);
        return new FindViewModel(search, grid, executor, delay, row, trees);
    }

    private ImageGridViewModel grid(TaskExecutor executor) {
        return new ImageGridViewModel(fake, fake, executor, new Notices());
    }

    private static List<Long> ids(List<ImageRecord> images) {
        return images.stream().map(ImageRecord::id).toList();
    }

    private TreeNode rowOf(String object) {
        return tree.children().stream().map(NodeTree::node).filter(n -> n.object().equals(object)).findFirst().orElseThrow();
    }

    @Test
    void typingSearchesOnceAfterThePauseAndTheResultsReplaceTheGridBestFirst() {
        ImageGridViewModel grid = grid(new SameThreadTaskExecutor());
        FindViewModel find = find(new SameThreadTaskExecutor(), grid);
        search.answer = text -> page(List.of(cats.get(1), dogs.get(0)), 2, List.of());

        find.textProperty().set("d");
        find.textProperty().set("do");
        find.textProperty().set("dog on the beach");
        assertThat(search.texts).isEmpty(); // nothing before the pause
        assertThat(delay.pending()).hasSize(1).allMatch(p -> p.delay.equals(FindViewModel.DEBOUNCE)); // each key cancelled the last

        delay.fireAll();

        assertThat(search.texts).containsExactly("dog on the beach");
        assertThat(ids(grid.images())).containsExactly(cats.get(1).id(), dogs.get(0).id());
        assertThat(find.captionProperty().get()).isEqualTo("2 photos match “dog on the beach”, best first");
        assertThat(find.backTextProperty().get()).isEqualTo("Back to All photos");
    }

    @Test
    void aSearchAnswerThatComesAfterANewerSearchStartedIsDropped() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        ImageGridViewModel grid = grid(new SameThreadTaskExecutor());
        FindViewModel find = find(executor, grid);
        search.answer = text -> text.equals("dog") ? page(dogs, 3, List.of()) : page(cats, 2, List.of());

        find.textProperty().set("dog");
        delay.fireAll();
        find.textProperty().set("cat");
        delay.fireAll();
        executor.finish(1); // "cat" answers first…
        executor.finish(0); // …then the stale "dog"

        assertThat(ids(grid.images())).isEqualTo(ids(cats));
        assertThat(find.captionProperty().get()).startsWith("2 photos match “cat”");
    }

    @Test
    void theSelectedRowFiltersTheSearchAndAnotherRowSearchesAgain() {
        ImageGridViewModel grid = grid(new SameThreadTaskExecutor());
        FindViewModel find = find(new SameThreadTaskExecutor(), grid);
        search.answer = text -> page(List.of(dogs.get(2)), 1, List.of());
        TreeNode dog = rowOf("dog");
        TreeNode beach = tree.children().stream().filter(n -> n.node().object().equals("dog")).findFirst().orElseThrow()
                .children().get(0).node();
        row.set(dog);

        find.textProperty().set("running");
        delay.fireAll();
        assertThat(search.filters).containsExactly(new PhotoSearch.SearchFilter("dog", null, null));
        assertThat(find.captionProperty().get()).isEqualTo("1 photo matches “running” in Dog, best first");

        row.set(beach);
        delay.fireAll();

        assertThat(search.filters).last().isEqualTo(new PhotoSearch.SearchFilter("dog", "beach", null));
        assertThat(find.captionProperty().get()).isEqualTo("1 photo matches “running” in Dog → Beach, best first");
    }

    @Test
    void nothingFoundSuggestsTheCategoriesAndClearingTheBoxGoesBackToTheRow() {
        ImageGridViewModel grid = grid(new SameThreadTaskExecutor());
        FindViewModel find = find(new SameThreadTaskExecutor(), grid);
        row.set(rowOf("cat"));
        search.answer = text -> page(List.of(), 0, List.of("cat", "dog", "beach"));

        find.textProperty().set("zebra");
        delay.fireAll();

        assertThat(grid.images()).isEmpty();
        assertThat(find.captionProperty().get()).isEqualTo("No photo matches “zebra” in Cat; try: cat, dog, beach");

        find.clear(); // Escape
        assertThat(find.textProperty().get()).isEmpty();
        assertThat(find.captionProperty().get()).isEmpty();
        assertThat(ids(grid.images())).containsExactlyInAnyOrderElementsOf(ids(cats));
        assertThat(grid.followingRowProperty().get()).isTrue();
    }

    @Test
    void withoutAModelOnThisComputerItSaysHowToGetOne() {
        ImageGridViewModel grid = grid(new SameThreadTaskExecutor());
        FindViewModel find = find(new SameThreadTaskExecutor(), grid);
        search.answer = text -> {
            throw new org.imageorganizer.model.ModelException("there is no CLIP model on this computer yet.");
        };

        find.textProperty().set("dog");
        delay.fireAll();

        assertThat(find.captionProperty().get())
                .isEqualTo("Text search needs the CLIP model, which is not on this computer yet: adding photos offers to get it.");
    }

    @Test
    void whileSearchIsGettingReadyItSaysSoAndTriesAgain() {
        ImageGridViewModel grid = grid(new SameThreadTaskExecutor());
        FindViewModel find = find(new SameThreadTaskExecutor(), grid);
        List<String> answers = new ArrayList<>();
        search.answer = text -> {
            if (answers.isEmpty()) {
                answers.add("loading");
                throw new SearchUnavailableException("The recognition model is loading to search by text.", true, null);
            }
            return page(dogs, 3, List.of());
        };

        find.textProperty().set("dog");
        delay.fireAll();

        assertThat(find.captionProperty().get())
                .isEqualTo("Search is getting ready: the recognition model is loading to search by text. It tries again in a moment.");
        assertThat(delay.pending()).singleElement().satisfies(p -> assertThat(p.delay).isEqualTo(FindViewModel.RETRY));
        delay.fireAll();
        assertThat(ids(grid.images())).isEqualTo(ids(dogs));
        assertThat(find.captionProperty().get()).startsWith("3 photos match “dog”");
    }

    @Test
    void categoriesNamedByTheTextAreOfferedAndChoosingOneSelectsItsRow() {
        ImageGridViewModel grid = grid(new SameThreadTaskExecutor());
        FindViewModel find = find(new SameThreadTaskExecutor(), grid);
        search.answer = text -> page(dogs, 3, List.of());

        find.textProperty().set("BEA");
        assertThat(find.categories()).extracting(TreeNode::background).containsExactly("beach");
        find.textProperty().set("dog");
        assertThat(find.categories()).extracting(TreeNode::level, TreeNode::object)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TreeNode.Level.OBJECT, "dog"));

        find.chooseCategory(find.categories().get(0));

        assertThat(row.get().object()).isEqualTo("dog");
        assertThat(find.textProperty().get()).isEmpty();
        assertThat(ids(grid.images())).containsExactlyInAnyOrderElementsOf(ids(dogs));
        delay.fireAll();
        assertThat(search.texts).isEmpty(); // the pending search was dropped
    }

    @Test
    void showSimilarShowsTheDuplicatesApartAndBackGoesBackStepByStep() {
        ImageGridViewModel grid = grid(new SameThreadTaskExecutor());
        FindViewModel find = find(new SameThreadTaskExecutor(), grid);
        ImageRecord photo = dogs.get(0);
        search.similar = id -> new PhotoSearch.SearchPage(found(List.of(dogs.get(2), cats.get(0))), 0, 300, null, 4,
                found(List.of(dogs.get(1))), List.of(), false);
        search.answer = text -> page(List.of(photo, cats.get(1)), 2, List.of());
        find.textProperty().set("dog");
        delay.fireAll();

        find.showSimilar(photo);

        assertThat(ids(grid.images())).containsExactly(dogs.get(2).id(), cats.get(0).id());
        assertThat(find.captionProperty().get()).isEqualTo("2 photos like " + photo.fileName() + ", most alike first");
        assertThat(find.duplicatesTextProperty().get()).isEqualTo("Also 1 near-duplicate of this photo");
        assertThat(find.backTextProperty().get()).isEqualTo("Back to the search results");

        find.showDuplicates();
        assertThat(ids(grid.images())).containsExactly(photo.id(), dogs.get(1).id());
        assertThat(find.backTextProperty().get()).isEqualTo("Back to photos like " + photo.fileName());

        find.back();
        assertThat(ids(grid.images())).containsExactly(dogs.get(2).id(), cats.get(0).id());
        find.back();
        assertThat(ids(grid.images())).containsExactly(photo.id(), cats.get(1).id());
        find.back();
        assertThat(find.textProperty().get()).isEmpty();
        assertThat(grid.images()).hasSize(5);
        assertThat(find.backTextProperty().get()).isEmpty();
    }

    private static List<PhotoSearch.FoundImage> found(List<ImageRecord> images) {
        List<PhotoSearch.FoundImage> found = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            found.add(new PhotoSearch.FoundImage(images.get(i), 0.9 - i * 0.1));
        }
        return found;
    }

    private static PhotoSearch.SearchPage page(List<ImageRecord> images, long matched, List<String> suggestions) {
        return new PhotoSearch.SearchPage(found(images), 0, 300, null, matched, List.of(), suggestions, false);
    }

    /** A search answering as told, remembering each text and filter asked. */
    private static final class FakeSearch implements PhotoSearch {
        final List<String> texts = Collections.synchronizedList(new ArrayList<>());
        final List<SearchFilter> filters = Collections.synchronizedList(new ArrayList<>());
        Function<String, SearchPage> answer;
        Function<Long, SearchPage> similar;

        @Override
        public SearchPage byText(String text, SearchFilter filter, int offset, int limit) {
            texts.add(text);
            filters.add(filter);
            return answer.apply(text);
        }

        @Override
        public SearchPage similarTo(long imageId, SearchFilter filter, int offset, int limit) {
            return similar.apply(imageId);
        }

        @Override
        public SearchPage similarToFile(Path file, SearchFilter filter, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    /** The delays asked for, run when the test says. */
    private static final class ManualDelay implements UiDelay {
        record Pending(Duration delay, Runnable action, boolean[] cancelled) {
        }

        private final List<Pending> pending = new ArrayList<>();

        @Override
        public TaskExecutor.Cancellable after(Duration delay, Runnable action) {
            Pending p = new Pending(delay, action, new boolean[1]);
            pending.add(p);
            return () -> p.cancelled()[0] = true;
        }

        List<Pending> pending() {
            return pending.stream().filter(p -> !p.cancelled()[0]).toList();
        }

        /** Runs every pending action (and those they ask for meanwhile are left for the next call). */
        void fireAll() {
            List<Pending> now = pending();
            pending.clear();
            now.forEach(p -> p.action().run());
        }
    }
}
