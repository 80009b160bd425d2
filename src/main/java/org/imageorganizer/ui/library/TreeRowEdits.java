package org.imageorganizer.ui.library;

import java.util.List;
import javafx.stage.Window;

/** What the user can change from the tree: photos dropped on a category's row move there; a cluster is renamed. */
public interface TreeRowEdits {

    /** Whether photos dropped on this row can move there (an object, or an object → background, not "other"). */
    boolean canMoveHere(TreeNode row);

    /** Moves the photos to the row's categories (its object, and its background on a background row). */
    void moveHere(TreeNode row, List<Long> imageIds);

    /** Whether the row is a cluster the user can name (not "Ungrouped"). */
    boolean canRename(TreeNode row);

    /** Asks the user for the cluster's name (empty clears it) and saves it. */
    void rename(TreeNode row, Window owner);
}
