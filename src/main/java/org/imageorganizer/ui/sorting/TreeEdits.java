package org.imageorganizer.ui.sorting;

import java.util.List;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.Label;
import org.imageorganizer.ui.AppIcons;
import org.imageorganizer.ui.library.TreeNode;
import org.imageorganizer.ui.library.TreeRowEdits;

/**
 * The tree's edits: photos dropped on an object row move to that object, on an object → background row to both;
 * a cluster is renamed in a small dialog (Enter saves, Escape cancels, empty clears the name).
 */
public final class TreeEdits implements TreeRowEdits {
    private final SortingViewModel sorting;
    private final ClusterRenaming renaming;

    public TreeEdits(SortingViewModel sorting, ClusterRenaming renaming) {
        this.sorting = sorting;
        this.renaming = renaming;
    }

    @Override
    public boolean canMoveHere(TreeNode row) {
        return switch (row.level()) {
            case OBJECT -> known(CategoryKind.OBJECT, row.object());
            case BACKGROUND -> known(CategoryKind.OBJECT, row.object()) && known(CategoryKind.BACKGROUND, row.background());
            default -> false;
        };
    }

    private boolean known(CategoryKind kind, String name) {
        return name != null && !Label.OTHER.equals(name) && sorting.categories(kind).contains(name);
    }

    @Override
    public void moveHere(TreeNode row, List<Long> imageIds) {
        if (row.level() == TreeNode.Level.OBJECT) {
            sorting.moveTo(imageIds, CategoryKind.OBJECT, row.object());
        } else if (row.level() == TreeNode.Level.BACKGROUND) {
            sorting.moveTo(imageIds, row.object(), row.background());
        }
    }

    @Override
    public boolean canRename(TreeNode row) {
        return ClusterRenaming.canRename(row);
    }

    @Override
    public void rename(TreeNode row, Window owner) {
        TextInputDialog dialog = new TextInputDialog(row.label());
        dialog.setTitle("Rename Group");
        dialog.setHeaderText("What should this group of similar photos be called?");
        dialog.setContentText("Name:");
        dialog.getDialogPane().setId("clusterNameDialog");
        dialog.getEditor().setPromptText("Leave empty to show its number again");
        dialog.getEditor().setId("clusterName");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        if (dialog.getDialogPane().getScene().getWindow() instanceof Stage stage) {
            AppIcons.apply(stage);
        }
        dialog.setOnHidden(e -> {
            String typed = dialog.getResult();
            if (typed != null) {
                renaming.rename(row, typed);
            }
        });
        dialog.show();
        dialog.getEditor().selectAll();
    }
}
