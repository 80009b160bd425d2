package org.imageorganizer.ui.find;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.PhotoSearch;
import org.imageorganizer.services.PhotoSearch.FoundImage;
import org.imageorganizer.services.PhotoSearch.SearchPage;
import org.imageorganizer.services.SearchUnavailableException;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.grid.ImageGridViewModel;
import org.imageorganizer.ui.library.NodeTree;
import org.imageorganizer.ui.library.TreeNode;

/**
 * The search box above the grid and Show Similar. Typing searches by meaning after a pause
 * ({@link #DEBOUNCE}; each keystroke cancels the pending search, and a result that comes back after a
 * newer search started is dropped), in the tree row selected (its object, background, cluster); the
 * results replace the grid's images, best first, with a line saying what is shown. The category names
 * of the tree that match the text are offered first. Show Similar puts the photos like one in the grid,
 * its near-duplicates apart ("Also 2 near-duplicates of this photo", which shows them). Back goes to
 * what was shown before; clearing the box (or Escape) goes back to the tree row. While search is getting
 * ready (the embeddings or the model loading), it says so and tries again after {@link #RETRY}. UI thread.
 */
public final class FindViewModel {
    /** The pause in the typing after which the text is searched. */
    public static final Duration DEBOUNCE = Duration.ofMillis(300);
    /** When search was getting ready, how long before it tries again. */
    public static final Duration RETRY = Duration.ofSeconds(2);
    /** The most photos a search or Show Similar puts in the grid. */
    public static final int LIMIT = 300;
    /** The most category names offered. */
    static final int MOST_CATEGORIES = 6;

    private final PhotoSearch search;
    private final ImageGridViewModel grid;
    private final TaskExecutor executor;
    private final UiDelay delay;
    private final ObjectProperty<TreeNode> selectedRow;
    private final ObservableValue<NodeTree> tree;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper duplicatesText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper backText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<TreeNode> categories = FXCollections.observableArrayList();
    /** What the grid showed before the view shown now (search results, similar photos), newest first. */
    private final Deque<Shown> history = new ArrayDeque<>();
    private Shown shown;
    private TaskExecutor.Cancellable waiting;
    private TaskExecutor.Cancellable running;
    /** Bumped by every search started or abandoned: an answer for an older one is dropped. */
    private long generation;

    /** A view the grid showed: what, with its line, and a photo's near-duplicates kept apart. */
    private record Shown(String caption, List<ImageRecord> images, ImageRecord of, List<ImageRecord> duplicates,
            String back) {
    }

    /**
     * @param selectedRow the tree's selected row: searches are made in it, and a category offered selects it
     * @param tree        the library's tree, whose category names are offered
     */
    public FindViewModel(PhotoSearch search, ImageGridViewModel grid, TaskExecutor executor, UiDelay delay,
            ObjectProperty<TreeNode> selectedRow, ObservableValue<NodeTree> tree) {
        this.search = search;
        this.grid = grid;
        this.executor = executor;
        this.delay = delay;
        this.selectedRow = selectedRow;
        this.tree = tree;
        text.addListener((o, was, now) -> typed());
        selectedRow.addListener((o, was, now) -> rowChanged(was, now));
    }

    private void typed() {
        String query = query();
        offerCategories(query);
        if (query.isEmpty()) {
            backToRow();
            return;
        }
        start(DEBOUNCE, query);
    }

    /** Searches {@code query} after {@code pause}, dropping whatever was pending or running. */
    private void start(Duration pause, String query) {
        long search = abandon();
        waiting = delay.after(pause, () -> {
            if (search == generation) {
                searchNow(query, search);
            }
        });
    }

    private void searchNow(String query, long search) {
        TreeNode row = grid.row();
        Set<Long> inRow = row != null && row.level() == TreeNode.Level.CLUSTER ? new HashSet<>(row.imageIds()) : null;
        run(search, () -> search(query, row), page -> {
            List<ImageRecord> found = images(page.images(), inRow);
            history.clear();
            show(new Shown(FindCaptions.search(query, row, page, found.size()), found, null, List.of(),
                    "Back to " + FindCaptions.rowName(row)));
        }, error -> {
            caption.set(FindCaptions.failure(error));
            if (error instanceof SearchUnavailableException unavailable && unavailable.temporary()) {
                start(RETRY, query); // the same text, once search is ready
            }
        });
    }

    private SearchPage search(String query, TreeNode row) {
        return this.search.byText(query, FindCaptions.filter(row), 0, LIMIT);
    }

    /** Shows the photos like {@code image} in the grid (its near-duplicates apart). */
    public void showSimilar(ImageRecord image) {
        long search = abandon();
        caption.set("Looking for photos like " + image.fileName() + "…");
        run(search, () -> this.search.similarTo(image.id(), PhotoSearch.SearchFilter.NONE, 0, LIMIT), page -> {
            List<ImageRecord> found = images(page.images(), null);
            remember();
            show(new Shown(FindCaptions.similar(image, found.size()), found, image, images(page.duplicates(), null),
                    backFrom()));
        }, error -> caption.set(FindCaptions.failure(error)));
    }

    /** Shows the photo of the similar photos shown and its near-duplicates. */
    public void showDuplicates() {
        if (shown == null || shown.duplicates().isEmpty()) {
            return;
        }
        abandon();
        List<ImageRecord> stack = new ArrayList<>();
        stack.add(shown.of());
        stack.addAll(shown.duplicates());
        String caption = FindCaptions.stackOf(shown.of(), shown.duplicates().size());
        remember();
        show(new Shown(caption, stack, null, List.of(), "Back to photos like " + stack.get(0).fileName()));
    }

    /** Goes back to what the grid showed before; from the last view, to the tree row (clearing the box). */
    public void back() {
        abandon();
        if (!history.isEmpty()) {
            show(history.pop());
        } else if (!query().isEmpty()) {
            text.set(""); // back to the row
        } else {
            backToRow();
        }
    }

    /** Escape in the box: back to the tree row. */
    public void clear() {
        if (query().isEmpty()) {
            backToRow();
        } else {
            text.set("");
        }
    }

    /** A category offered was chosen: its row is selected in the tree and shown. */
    public void chooseCategory(TreeNode row) {
        text.set("");
        selectedRow.set(row);
    }

    private void run(long search, Callable<SearchPage> work, Consumer<SearchPage> shown, Consumer<Throwable> failed) {
        busy.set(true);
        running = executor.submit(work, page -> {
            if (search == generation) {
                busy.set(false);
                shown.accept(page);
            }
        }, error -> {
            if (search == generation) {
                busy.set(false);
                failed.accept(error);
            }
        });
    }

    /** Drops the pending and the running search; returns the generation of the next one. */
    private long abandon() {
        if (waiting != null) {
            waiting.cancel();
            waiting = null;
        }
        if (running != null) {
            running.cancel();
            running = null;
        }
        busy.set(false);
        return ++generation;
    }

    private void remember() {
        if (shown != null) {
            history.push(shown);
        }
    }

    private String backFrom() {
        return shown != null ? "Back to " + (shown.of() != null ? "photos like " + shown.of().fileName() : "the search results")
                : "Back to " + FindCaptions.rowName(grid.row());
    }

    private void show(Shown view) {
        shown = view;
        caption.set(view.caption());
        duplicatesText.set(FindCaptions.duplicates(view.duplicates().size()));
        backText.set(view.back());
        grid.showFound(view.images());
    }

    private void backToRow() {
        abandon();
        history.clear();
        shown = null;
        caption.set("");
        duplicatesText.set("");
        backText.set("");
        if (!grid.followingRowProperty().get()) {
            grid.showRow();
        }
    }

    /** The user chose another row: a search goes on in it; similar photos give way to it. */
    private void rowChanged(TreeNode was, TreeNode now) {
        if (sameRow(was, now) || shown == null && query().isEmpty()) {
            return; // the library was read again, or nothing found is shown: the grid follows the row itself
        }
        if (query().isEmpty()) {
            backToRow();
        } else {
            start(Duration.ZERO, query());
        }
    }

    private static boolean sameRow(TreeNode a, TreeNode b) {
        return a != null && b != null && a.level() == b.level() && Objects.equals(a.object(), b.object())
                && Objects.equals(a.background(), b.background()) && a.clusterId() == b.clusterId();
    }

    private static List<ImageRecord> images(List<FoundImage> found, Set<Long> only) {
        List<ImageRecord> images = new ArrayList<>(found.size());
        for (FoundImage image : found) {
            if (only == null || only.contains(image.image().id())) {
                images.add(image.image());
            }
        }
        return images;
    }

    /** The object and background rows whose names contain the text, those named exactly so first. */
    private void offerCategories(String query) {
        List<TreeNode> offered = new ArrayList<>();
        NodeTree root = tree.getValue();
        String needle = query.toLowerCase(Locale.ROOT);
        if (!needle.isEmpty() && root != null) {
            List<TreeNode> exact = new ArrayList<>();
            List<TreeNode> partial = new ArrayList<>();
            collect(root, needle, exact, partial);
            offered.addAll(exact);
            offered.addAll(partial);
        }
        categories.setAll(offered.subList(0, Math.min(MOST_CATEGORIES, offered.size())));
    }

    private static void collect(NodeTree node, String needle, List<TreeNode> exact, List<TreeNode> partial) {
        TreeNode row = node.node();
        String name = switch (row.level()) {
            case OBJECT -> row.object();
            case BACKGROUND -> row.background();
            default -> null;
        };
        if (name != null) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals(needle)) {
                exact.add(row);
            } else if (lower.contains(needle)) {
                partial.add(row);
            }
        }
        for (NodeTree child : node.children()) {
            collect(child, needle, exact, partial);
        }
    }

    private String query() {
        return text.get() == null ? "" : text.get().strip();
    }

    /** The search box's text. */
    public StringProperty textProperty() {
        return text;
    }

    /** What the grid shows when it is not the tree row, or why nothing is; empty while it shows the row. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** "Also 2 near-duplicates of this photo" while similar photos are shown and it has some; else empty. */
    public ReadOnlyStringProperty duplicatesTextProperty() {
        return duplicatesText.getReadOnlyProperty();
    }

    /** "Back to …" while something found is shown; empty while the grid shows the tree row. */
    public ReadOnlyStringProperty backTextProperty() {
        return backText.getReadOnlyProperty();
    }

    /** True while a search runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The categories of the tree whose names match the text, to go to instead. */
    public ObservableList<TreeNode> categories() {
        return categories;
    }
}
