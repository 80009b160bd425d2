package org.imageorganizer.ui.find;

import java.util.List;
import java.util.NoSuchElementException;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.services.PhotoSearch.SearchFilter;
import org.imageorganizer.services.PhotoSearch.SearchPage;
import org.imageorganizer.services.SearchUnavailableException;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.library.LibraryTreeBuilder;
import org.imageorganizer.ui.library.TreeNode;

/** The sentences above the grid while it shows something found: what is shown, or why nothing is. */
final class FindCaptions {
    private FindCaptions() {
    }

    /** "12 photos match “dog on the beach” in Cat → Indoor", or "No photo matches …; try: cat, dog". */
    static String search(String text, TreeNode row, SearchPage page, int shown) {
        String where = where(row);
        if (shown == 0) {
            String none = "No photo matches “" + text + "”" + where;
            List<String> tries = page.suggestions();
            return tries.isEmpty() ? none + "." : none + "; try: " + String.join(", ", tries);
        }
        if (page.matched() > shown) {
            return "The " + shown + " photos that best match “" + text + "”" + where + ", of " + page.matched()
                    + ", best first";
        }
        return photos(shown) + (shown == 1 ? " matches “" : " match “") + text + "”" + where + ", best first";
    }

    /** "Photos like photo-0003.jpg, most alike first". */
    static String similar(ImageRecord image, int shown) {
        return shown == 0 ? "No other photo looks like " + image.fileName() + "."
                : photos(shown) + " like " + image.fileName() + ", most alike first";
    }

    /** "Also 2 near-duplicates of this photo", or nothing. */
    static String duplicates(int count) {
        if (count == 0) {
            return "";
        }
        return "Also " + (count == 1 ? "1 near-duplicate" : count + " near-duplicates") + " of this photo";
    }

    /** "photo-0003.jpg and its 2 near-duplicates". */
    static String stackOf(ImageRecord image, int count) {
        return image.fileName() + " and its " + (count == 1 ? "near-duplicate" : count + " near-duplicates");
    }

    /** Why a search has no answer, calmly: getting ready, or not available, or what was wrong with the text. */
    static String failure(Throwable error) {
        if (error instanceof SearchUnavailableException unavailable && unavailable.temporary()) {
            return "Search is getting ready: " + lowerFirst(sentence(unavailable.getMessage())) + ". It tries again in a moment.";
        }
        if (error instanceof SearchUnavailableException unavailable) {
            return "Search is not available: " + sentence(unavailable.getMessage());
        }
        if (error instanceof IllegalArgumentException) {
            return "Cannot search for this: " + sentence(error.getMessage());
        }
        if (error instanceof NoSuchElementException) {
            return "That photo is no longer in the library.";
        }
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof ModelException) { // no model on this computer yet: say what still works and how to get it
                return "Text search needs the CLIP model, which is not on this computer yet: adding photos offers to get it.";
            }
        }
        return "The search failed: " + Notices.reason(error);
    }

    /** " in Cat → Indoor" for the tree row searched in; nothing for All photos. */
    static String where(TreeNode row) {
        return row == null || row.level() == TreeNode.Level.ALL ? "" : " in " + rowName(row);
    }

    /** "Cat → Indoor → Cluster 2"; "All photos" for the root; empty for none. */
    static String rowName(TreeNode row) {
        if (row == null || row.level() == TreeNode.Level.ALL) {
            return row == null ? "" : row.label();
        }
        StringBuilder name = new StringBuilder(LibraryTreeBuilder.display(row.object()));
        if (row.background() != null) {
            name.append(" → ").append(LibraryTreeBuilder.display(row.background()));
        }
        if (row.level() == TreeNode.Level.CLUSTER) {
            name.append(" → ").append(row.label());
        }
        return name.toString();
    }

    /** The filter a search in this row passes (the object, background and cluster of the row). */
    static SearchFilter filter(TreeNode row) {
        if (row == null) {
            return SearchFilter.NONE;
        }
        return switch (row.level()) {
            case ALL -> SearchFilter.NONE;
            case OBJECT -> new SearchFilter(row.object(), null, null);
            case BACKGROUND -> new SearchFilter(row.object(), row.background(), null);
            case CLUSTER -> new SearchFilter(row.object(), row.background(), row.clusterId() >= 0 ? row.clusterId() : null);
        };
    }

    private static String photos(int count) {
        return count == 1 ? "1 photo" : count + " photos";
    }

    private static String sentence(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.endsWith(".") ? stripped : stripped + ".";
    }

    private static String lowerFirst(String text) {
        String trimmed = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return trimmed.isEmpty() ? trimmed : Character.toLowerCase(trimmed.charAt(0)) + trimmed.substring(1);
    }
}
