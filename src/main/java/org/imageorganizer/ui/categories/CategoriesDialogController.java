package org.imageorganizer.ui.categories;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.imageorganizer.model.CategoryKind;

/**
 * Binds the Categories dialog to its view model: a table per kind (names and words edited in place, Enter keeps
 * an edit), a row to add one, Remove, the "How sure must the app be?" slider and the count of photos a change would
 * move. OK saves the changes (the window then sorts the library again), Cancel forgets them.
 */
public final class CategoriesDialogController {
    private final CategoriesViewModel model;
    private boolean saved;

    @FXML VBox root;
    @FXML TabPane kinds;
    @FXML TableView<CategoryRow> objectTable;
    @FXML TableColumn<CategoryRow, String> objectName;
    @FXML TableColumn<CategoryRow, String> objectWords;
    @FXML TableView<CategoryRow> backgroundTable;
    @FXML TableColumn<CategoryRow, String> backgroundName;
    @FXML TableColumn<CategoryRow, String> backgroundWords;
    @FXML TextField newName;
    @FXML TextField newWords;
    @FXML Button addCategory;
    @FXML Button removeCategory;
    @FXML Slider sureness;
    @FXML Label surenessWords;
    @FXML Label preview;
    @FXML Label problem;
    @FXML Button categoriesOk;
    @FXML Button categoriesCancel;

    public CategoriesDialogController(CategoriesViewModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        table(objectTable, objectName, objectWords, CategoryKind.OBJECT);
        table(backgroundTable, backgroundName, backgroundWords, CategoryKind.BACKGROUND);
        newName.textProperty().bindBidirectional(model.newNameProperty());
        newWords.textProperty().bindBidirectional(model.newWordsProperty());
        addCategory.disableProperty().bind(model.newNameProperty().isEmpty().or(model.loadedProperty().not()));
        newName.setOnAction(e -> {
            add();
            e.consume(); // Enter adds the category; it does not press OK
        });
        newWords.setOnAction(e -> {
            add();
            e.consume();
        });
        sureness.setMax(CategoriesViewModel.MOST_SURE);
        sureness.valueProperty().bindBidirectional(model.surenessProperty());
        surenessWords.textProperty().bind(Bindings.createStringBinding(
                () -> CategoriesViewModel.surenessWords(sureness.getValue()), sureness.valueProperty()));
        sureness.valueProperty().addListener((o, was, now) -> {
            if (!sureness.isValueChanging()) {
                model.countMoves();
            }
        });
        sureness.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                model.countMoves();
            }
        });
        preview.textProperty().bind(model.previewProperty());
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        categoriesOk.disableProperty().bind(model.loadedProperty().not().or(model.savingProperty()));
        model.load();
    }

    private void table(TableView<CategoryRow> table, TableColumn<CategoryRow, String> name,
            TableColumn<CategoryRow, String> words, CategoryKind kind) {
        table.setItems(model.rows(kind));
        table.setEditable(true);
        name.setCellValueFactory(cell -> cell.getValue().nameProperty());
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setOnEditCommit(e -> {
            if (!model.rename(e.getRowValue(), e.getNewValue())) {
                table.refresh(); // the old name shows again; the problem line says why
            }
        });
        words.setCellValueFactory(cell -> cell.getValue().wordsProperty());
        words.setCellFactory(TextFieldTableCell.forTableColumn());
        words.setOnEditCommit(e -> {
            if (!model.describe(e.getRowValue(), e.getNewValue())) {
                table.refresh();
            }
        });
    }

    private CategoryKind shownKind() {
        return kinds.getSelectionModel().getSelectedIndex() == 1 ? CategoryKind.BACKGROUND : CategoryKind.OBJECT;
    }

    private TableView<CategoryRow> shownTable() {
        return shownKind() == CategoryKind.OBJECT ? objectTable : backgroundTable;
    }

    @FXML
    void add() {
        if (model.add(shownKind())) {
            shownTable().scrollTo(model.rows(shownKind()).size() - 1);
            shownTable().getSelectionModel().selectLast();
        }
    }

    @FXML
    void remove() {
        model.remove(shownTable().getSelectionModel().getSelectedItem());
    }

    @FXML
    void ok() {
        boolean changed = model.changed();
        model.save(() -> {
            saved = changed;
            close();
        });
    }

    @FXML
    void cancel() {
        close();
    }

    private void close() {
        Window window = root.getScene().getWindow();
        window.hide();
    }

    /** Whether OK saved a change. */
    boolean saved() {
        return saved;
    }
}
