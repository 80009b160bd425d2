package org.imageorganizer.ui.grid;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/**
 * What the grid says instead of photos, and whether its photos are hidden meanwhile: the library opening;
 * a filter or a search with no match ("Nothing matches 'sunset'", with Clear); "Drop photos or folders here"
 * only when the library really has no photo; "No photos here" for a row left empty.
 */
public final class GridHint {
    /** The sentence under the drop hint. */
    public static final String DROP_TEXT =
            "They are sorted by what they show and where they were taken, then grouped with similar ones.";

    /** What the hint shows. */
    public enum Kind { NONE, OPENING, FILTER_MATCHES_NOTHING, SEARCH_MATCHES_NOTHING, DROP_HERE, NO_PHOTOS }

    /**
     * @param kind  which hint
     * @param title its big line
     * @param text  its sentence, or empty
     */
    public record State(Kind kind, String title, String text) {
        static final State NONE = new State(Kind.NONE, "", "");

        /** Whether the hint offers Clear (a filter or search to clear). */
        public boolean clearable() {
            return kind == Kind.FILTER_MATCHES_NOTHING || kind == Kind.SEARCH_MATCHES_NOTHING;
        }

        /** Whether the grid's photos are hidden behind it (they are kept, to be back when the filter is cleared). */
        public boolean hidesPhotos() {
            return kind == Kind.FILTER_MATCHES_NOTHING || kind == Kind.OPENING;
        }
    }

    private final ObjectBinding<State> state;
    private final Runnable clearFilter;
    private final Runnable clearSearch;

    /**
     * @param grid                 the grid's images
     * @param libraryPlaceholder   what the library says while it is not read (empty once read)
     * @param libraryEmpty         whether the library holds no photo at all
     * @param filter               the sidebar's filter text
     * @param filterMatchesNothing whether that filter matches no category
     * @param search               the search box's text
     * @param clearFilter          clears the filter
     * @param clearSearch          clears the search (back to the tree row)
     */
    public GridHint(ImageGridViewModel grid, ObservableStringValue libraryPlaceholder, ObservableBooleanValue libraryEmpty,
            ObservableStringValue filter, ObservableBooleanValue filterMatchesNothing, ObservableStringValue search,
            Runnable clearFilter, Runnable clearSearch) {
        this.clearFilter = clearFilter;
        this.clearSearch = clearSearch;
        BooleanBinding noImages = Bindings.isEmpty(grid.images());
        state = Bindings.createObjectBinding(() -> state(libraryPlaceholder.get(), libraryEmpty.get(), filter.get(),
                        filterMatchesNothing.get(), search.get(), grid.followingRowProperty().get(), noImages.get(),
                        grid.loadingProperty().get(), grid.placeholderProperty().get()),
                libraryPlaceholder, libraryEmpty, filter, filterMatchesNothing, search, grid.followingRowProperty(),
                noImages, grid.loadingProperty(), grid.placeholderProperty());
    }

    static State state(String libraryPlaceholder, boolean libraryEmpty, String filter, boolean filterMatchesNothing,
            String search, boolean followingRow, boolean noImages, boolean loading, String gridPlaceholder) {
        String opening = libraryPlaceholder == null || libraryPlaceholder.isEmpty() ? gridPlaceholder : libraryPlaceholder;
        if (opening != null && !opening.isEmpty()) {
            return new State(Kind.OPENING, opening, "");
        }
        if (filterMatchesNothing && filter != null && !filter.isBlank()) {
            return nothingMatches(Kind.FILTER_MATCHES_NOTHING, filter, "No category name contains it.");
        }
        if (!noImages || loading) {
            return State.NONE;
        }
        if (!followingRow) {
            return search == null || search.isBlank() ? new State(Kind.NO_PHOTOS, "No photos to show", "")
                    : nothingMatches(Kind.SEARCH_MATCHES_NOTHING, search, "No photo here looks like it.");
        }
        if (libraryEmpty) {
            return new State(Kind.DROP_HERE, "Drop photos or folders here", DROP_TEXT);
        }
        return new State(Kind.NO_PHOTOS, "No photos here", "");
    }

    private static State nothingMatches(Kind kind, String text, String why) {
        return new State(kind, "Nothing matches \u2018" + text.strip() + "\u2019", why);
    }

    public ObjectBinding<State> stateProperty() {
        return state;
    }

    /** Clears what matches nothing: the filter, or the search. */
    public void clear() {
        if (state.get().kind() == Kind.FILTER_MATCHES_NOTHING) {
            clearFilter.run();
        } else if (state.get().kind() == Kind.SEARCH_MATCHES_NOTHING) {
            clearSearch.run();
        }
    }
}
