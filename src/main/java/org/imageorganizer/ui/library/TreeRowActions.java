package org.imageorganizer.ui.library;

/** What a tree row's context menu does with the photos under it; the window provides it. */
public interface TreeRowActions {

    /** Copies the paths of the row's photos, one per line. */
    void copyPaths(TreeNode row);

    /** Removes the row's photos from the library (never from disk), after asking. */
    void remove(TreeNode row);
}
