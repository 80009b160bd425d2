package org.imageorganizer.ui.library;

import java.util.HashSet;
import java.util.Set;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;

/**
 * Keeps a TreeView in step with the library view model: rebuilds the items when the tree changes,
 * keeping what was expanded and what was selected, and reports the selection back. Each row has a
 * context menu for its photos (Copy Paths, Remove from Library…). Photos dragged from the grid onto an object or
 * background row move there; F2, a double click or Rename… on a cluster's row renames it.
 */
final class LibraryTreeView {
    /** The side of a row's cover picture, in pixels. */
    static final double COVER_SIZE = 22;

    private final TreeView<TreeNode> view;
    private final LibraryViewModel model;
    private final TreeRowActions actions;
    private final TreeRowEdits edits;
    private final TreeCovers covers;
    private final Set<String> expanded = new HashSet<>();
    private boolean updating;

    LibraryTreeView(TreeView<TreeNode> view, LibraryViewModel model, TreeRowActions actions, TreeRowEdits edits,
            TreeCovers covers) {
        this.view = view;
        this.model = model;
        this.actions = actions;
        this.edits = edits;
        this.covers = covers;
    }

    void bind() {
        view.setCellFactory(v -> {
            TreeCell<TreeNode> cell = new TreeCell<>() {
                @Override
                protected void updateItem(TreeNode node, boolean empty) {
                    super.updateItem(node, empty);
                    setText(empty || node == null ? null : node.label() + "  (" + node.count() + ")");
                    setContextMenu(empty || node == null || node.count() == 0 ? null : menu(node));
                    showCover(this, empty ? null : node);
                }
            };
            acceptDrops(cell);
            cell.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && renamable(cell.getItem())) {
                    edits.rename(cell.getItem(), view.getScene().getWindow());
                    e.consume();
                }
            });
            return cell;
        });
        view.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            TreeItem<TreeNode> at = view.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.F2 && at != null && renamable(at.getValue())) {
                edits.rename(at.getValue(), view.getScene().getWindow());
                e.consume();
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

    /** The row's cover photo as a small picture before its text, once its thumbnail is at hand. */
    private void showCover(TreeCell<TreeNode> cell, TreeNode node) {
        Long cover = node == null ? null : node.coverImageId();
        if (cover == null) {
            cell.setGraphic(null);
            return;
        }
        ImageView picture = new ImageView();
        picture.setFitWidth(COVER_SIZE);
        picture.setFitHeight(COVER_SIZE);
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        picture.getStyleClass().add("tree-cover");
        Image known = covers.cached(cover);
        if (known != null) {
            picture.setImage(known);
        } else {
            covers.load(cover, image -> {
                if (cell.getItem() == node) { // the cell may show another row by now
                    picture.setImage(image);
                }
            });
        }
        StackPane box = new StackPane(picture); // one width for portrait and landscape covers: the labels line up
        box.setMinSize(COVER_SIZE, COVER_SIZE);
        box.setPrefSize(COVER_SIZE, COVER_SIZE);
        box.setMaxSize(COVER_SIZE, COVER_SIZE);
        cell.setGraphic(box);
    }

    private boolean renamable(TreeNode node) {
        return node != null && edits.canRename(node);
    }

    /** Photos dragged from the grid onto an object or object → background row move there. */
    private void acceptDrops(TreeCell<TreeNode> cell) {
        cell.setOnDragOver(e -> {
            if (cell.getItem() != null && PhotoDrag.carriesPhotos(e.getDragboard()) && edits.canMoveHere(cell.getItem())) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        cell.setOnDragEntered(e -> {
            if (cell.getItem() != null && PhotoDrag.carriesPhotos(e.getDragboard()) && edits.canMoveHere(cell.getItem())) {
                cell.getStyleClass().add("drop-target");
            }
        });
        cell.setOnDragExited(e -> cell.getStyleClass().remove("drop-target"));
        cell.setOnDragDropped(e -> {
            java.util.List<Long> ids = PhotoDrag.ids(e.getDragboard());
            boolean moved = cell.getItem() != null && !ids.isEmpty() && edits.canMoveHere(cell.getItem());
            if (moved) {
                edits.moveHere(cell.getItem(), ids);
            }
            e.setDropCompleted(moved);
            e.consume();
        });
    }

    private ContextMenu menu(TreeNode node) {
        String photos = node.count() == 1 ? "1 Photo" : node.count() + " Photos";
        MenuItem copy = new MenuItem(node.count() == 1 ? "Copy Path" : "Copy " + node.count() + " Paths");
        copy.setOnAction(e -> actions.copyPaths(node));
        MenuItem remove = new MenuItem("Remove " + photos + " from Library…");
        remove.setOnAction(e -> actions.remove(node));
        ContextMenu menu = new ContextMenu(copy, new SeparatorMenuItem(), remove);
        if (renamable(node)) {
            MenuItem rename = new MenuItem("Rename…");
            rename.setOnAction(e -> edits.rename(node, view.getScene().getWindow()));
            menu.getItems().addAll(0, java.util.List.of(rename, new SeparatorMenuItem()));
        }
        return menu;
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
