package org.imageorganizer.ui.find;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.imageorganizer.ui.library.TreeNode;

/**
 * The search box above the grid (FindBar.fxml): the text, the categories whose names match it (each a
 * link to its tree row), and the line saying what the grid shows, with Back and the near-duplicates of
 * a photo whose similar photos are shown. Ctrl+F goes to the box, Escape in it goes back to the tree row.
 */
public final class FindBarController {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final FindViewModel model;

    @FXML TextField findBox;
    @FXML ProgressIndicator busy;
    @FXML FlowPane categoryBar;
    @FXML HBox captionBar;
    @FXML Hyperlink backLink;
    @FXML Label captionLabel;
    @FXML Hyperlink duplicatesLink;

    public FindBarController(FindViewModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        findBox.textProperty().bindBidirectional(model.textProperty());
        findBox.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.clear();
                e.consume();
            }
        });
        findBox.sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                now.getAccelerators().put(FIND, findBox::requestFocus);
            }
        });
        busy.visibleProperty().bind(model.busyProperty());
        captionLabel.textProperty().bind(model.captionProperty());
        backLink.textProperty().bind(model.backTextProperty());
        backLink.visibleProperty().bind(model.backTextProperty().isNotEmpty());
        backLink.managedProperty().bind(backLink.visibleProperty());
        duplicatesLink.textProperty().bind(model.duplicatesTextProperty());
        duplicatesLink.visibleProperty().bind(model.duplicatesTextProperty().isNotEmpty());
        duplicatesLink.managedProperty().bind(duplicatesLink.visibleProperty());
        captionBar.visibleProperty().bind(model.captionProperty().isNotEmpty());
        captionBar.managedProperty().bind(captionBar.visibleProperty());
        model.categories().addListener((ListChangeListener<TreeNode>) c -> showCategories());
        categoryBar.managedProperty().bind(categoryBar.visibleProperty());
    }

    private void showCategories() {
        categoryBar.getChildren().subList(1, categoryBar.getChildren().size()).clear();
        for (TreeNode row : model.categories()) {
            Hyperlink link = new Hyperlink(FindCaptions.rowName(row) + " (" + row.count() + ")");
            link.getStyleClass().add("category-link");
            link.setOnAction(e -> model.chooseCategory(row));
            categoryBar.getChildren().add(link);
        }
        categoryBar.setVisible(!model.categories().isEmpty());
    }

    @FXML
    void back() {
        model.back();
    }

    @FXML
    void showDuplicates() {
        model.showDuplicates();
    }
}
