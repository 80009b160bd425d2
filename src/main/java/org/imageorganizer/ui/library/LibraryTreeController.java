package org.imageorganizer.ui.library;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;

/**
 * The sidebar (LibraryTree.fxml): the filter box, the library tree (or, until the library has been
 * read, what stands in for it: "Opening the library…") and whether grouping is under way.
 */
public final class LibraryTreeController {
    private final LibraryViewModel library;
    private final TreeRowActions actions;
    private final TreeRowEdits edits;
    private final TreeCovers covers;

    @FXML TextField search;
    @FXML TreeView<TreeNode> tree;
    @FXML Label treePlaceholder;
    @FXML Label clusterState;

    public LibraryTreeController(LibraryViewModel library, TreeRowActions actions, TreeRowEdits edits) {
        this(library, actions, edits, TreeCovers.NONE);
    }

    /** @param covers the rows' cover pictures */
    public LibraryTreeController(LibraryViewModel library, TreeRowActions actions, TreeRowEdits edits, TreeCovers covers) {
        this.library = library;
        this.actions = actions;
        this.edits = edits;
        this.covers = covers;
    }

    @FXML
    void initialize() {
        new LibraryTreeView(tree, library, actions, edits, covers).bind();
        treePlaceholder.textProperty().bind(library.placeholderProperty());
        treePlaceholder.visibleProperty().bind(library.placeholderProperty().isNotEmpty());
        tree.visibleProperty().bind(library.placeholderProperty().isEmpty());
        search.textProperty().bindBidirectional(library.filterProperty());
        search.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && !search.getText().isEmpty()) {
                library.clearFilter(); // Escape clears the filter; the row selected before is selected again
                e.consume();
            }
        });
        clusterState.textProperty().bind(Bindings.when(library.clustersPendingProperty())
                .then("Grouping similar photos…").otherwise(""));
    }
}
