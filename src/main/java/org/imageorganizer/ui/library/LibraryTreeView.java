package org.imageorganizer.ui.library;

import java.util.HashSet;
import java.util.Set;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * Keeps a TreeView in step with the library view model: rebuilds the items when the tree changes,
 * keeping what was expanded and what was selected, and reports the selection back. Each row has a
 * context menu for its photos (Copy Paths, Remove from Library…).
 */
final class LibraryTreeView {
    private final TreeView<TreeNode> view;
    private final LibraryViewModel model;
    private final TreeRowActions actions;
    private final Set<String> expanded = new HashSet<>();
    private boolean updating;

    LibraryTreeView(TreeView<TreeNode> view, LibraryViewModel model, TreeRowActions actions) {
        this.view = view;
        this.model = model;
        this.actions = actions;
    }

    void bind() {
        view.setCellFactory(v -> new TreeCell<>() {
            @Override
            protected void updateItem(TreeNode node, boolean empty) {
                super.updateItem(node, empty);
                setText(empty || node == null ? null : node.label() + "  (" + node.count() + ")");
                setContextMenu(empty || node == null || node.count() == 0 ? null : menu(node));
            }
        });
        model.treeProperty().addListener((o, old, now) -> show(now));
        view.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (!updating && now != null) {
                model.selectedProperty().set(now.getValue());
            }
        });
        model.selectedProperty().addListener((o, old, now) -> select(now));
        show(model.treeProperty().get());
    }

    private ContextMenu menu(TreeNode node) {
        String photos = node.count() == 1 ? "1 Photo" : node.count() + " Photos";
        MenuItem copy = new MenuItem(node.count() == 1 ? "Copy Path" : "Copy " + node.count() + " Paths");
        copy.setOnAction(e -> actions.copyPaths(node));
        MenuItem remove = new MenuItem("Remove " + photos + " from Library…");
        remove.setOnAction(e -> actions.remove(node));
        return new ContextMenu(copy, new SeparatorMenuItem(), remove);
    }

    private void show(NodeTree tree) {
        updating = true;
        try {
            TreeItem<TreeNode> root = item(tree);
            root.setExpanded(true);
            view.setRoot(root);
            select(model.selectedProperty().get());
        } finally {
            updating = false;
        }
    }

    private TreeItem<TreeNode> item(NodeTree tree) {
        TreeItem<TreeNode> item = new TreeItem<>(tree.node());
        String key = key(tree.node());
        item.setExpanded(expanded.contains(key));
        item.expandedProperty().addListener((o, old, now) -> {
            if (now) {
                expanded.add(key);
            } else {
                expanded.remove(key);
            }
        });
        for (NodeTree child : tree.children()) {
            item.getChildren().add(item(child));
        }
        return item;
    }

    private void select(TreeNode node) {
        if (node == null || view.getRoot() == null) {
            return;
        }
        TreeItem<TreeNode> found = find(view.getRoot(), key(node));
        if (found != null && found != view.getSelectionModel().getSelectedItem()) {
            boolean was = updating;
            updating = true;
            view.getSelectionModel().select(found);
            updating = was;
        }
    }

    private static TreeItem<TreeNode> find(TreeItem<TreeNode> item, String key) {
        if (key(item.getValue()).equals(key)) {
            return item;
        }
        for (TreeItem<TreeNode> child : item.getChildren()) {
            TreeItem<TreeNode> found = find(child, key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String key(TreeNode node) {
        return node.level() + "/" + node.object() + "/" + node.background() + "/" + node.clusterId();
    }
}
