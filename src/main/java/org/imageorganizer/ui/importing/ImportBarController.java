package org.imageorganizer.ui.importing;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import org.imageorganizer.model.FileFailure;

/**
 * The import bar (ImportBar.fxml): progress, status line, Set Up Photo Recognition… while there is no model, Cancel,
 * the link to the Duplicates view after an
 * import that found photos already in the library, and the Problems toggle with its list and its actions on
 * the files chosen (all of them when none is): Show in Folder, Copy (also Ctrl+C), Retry, Clear.
 */
public final class ImportBarController {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final ImportViewModel imports;
    private final ProblemsViewModel problems;

    @FXML ProgressBar progress;
    @FXML Label status;
    @FXML ToggleButton failuresToggle;
    @FXML Button cancelButton;
    @FXML Button modelButton;
    @FXML TitledPane failuresPane;
    @FXML ListView<FileFailure> failures;
    @FXML Label duplicatesText;
    @FXML Hyperlink duplicatesLink;
    @FXML Button showProblemButton;
    @FXML Button copyProblemsButton;
    @FXML Button retryProblemsButton;
    @FXML Button clearProblemsButton;
    @FXML Label problemsMessage;

    public ImportBarController(ImportViewModel imports, ProblemsViewModel problems) {
        this.imports = imports;
        this.problems = problems;
    }

    @FXML
    void initialize() {
        progress.progressProperty().bind(imports.progressProperty());
        progress.visibleProperty().bind(imports.runningProperty());
        progress.managedProperty().bind(imports.runningProperty());
        status.textProperty().bind(imports.statusProperty());
        cancelButton.visibleProperty().bind(imports.runningProperty());
        cancelButton.managedProperty().bind(imports.runningProperty());
        modelButton.visibleProperty().bind(imports.withoutModelProperty());
        modelButton.managedProperty().bind(modelButton.visibleProperty());
        failures.setItems(problems.problems());
        failures.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        failures.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copyProblems();
                e.consume();
            }
        });
        failures.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(FileFailure failure, boolean empty) {
                super.updateItem(failure, empty);
                setText(empty || failure == null ? null : ProblemsViewModel.line(failure));
            }
        });
        failuresToggle.textProperty().bind(Bindings.concat("Problems (", Bindings.size(problems.problems()), ")"));
        failuresToggle.disableProperty().bind(Bindings.isEmpty(problems.problems()));
        problems.problems().addListener((javafx.collections.ListChangeListener<FileFailure>) c -> {
            if (problems.problems().isEmpty()) {
                failuresToggle.setSelected(false); // nothing left to show: the panel closes
            }
        });
        showProblemButton.disableProperty().bind(Bindings.isEmpty(failures.getSelectionModel().getSelectedItems()));
        problemsMessage.textProperty().bind(problems.messageProperty());
        duplicatesText.textProperty().bind(problems.duplicatesTextProperty());
        duplicatesText.visibleProperty().bind(problems.duplicatesTextProperty().isNotEmpty());
        duplicatesText.managedProperty().bind(duplicatesText.visibleProperty());
        duplicatesLink.visibleProperty().bind(duplicatesText.visibleProperty());
        duplicatesLink.managedProperty().bind(duplicatesText.visibleProperty());
        failuresPane.visibleProperty().bind(failuresToggle.selectedProperty());
        failuresPane.managedProperty().bind(failuresToggle.selectedProperty());
    }

    @FXML
    void setUpModel() {
        imports.askForModel();
    }

    @FXML
    void cancelImport() {
        imports.cancel();
    }

    /** The files chosen in the list, or all of them when none is. */
    private List<FileFailure> chosen() {
        List<FileFailure> selected = List.copyOf(failures.getSelectionModel().getSelectedItems());
        return selected.isEmpty() ? List.copyOf(problems.problems()) : selected;
    }

    @FXML
    void showProblemInFolder() {
        problems.showInFolder(List.copyOf(failures.getSelectionModel().getSelectedItems()));
    }

    @FXML
    void copyProblems() {
        ClipboardContent content = new ClipboardContent();
        content.putString(problems.copyText(chosen()));
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    void retryProblems() {
        problems.retry(chosen());
    }

    @FXML
    void clearProblems() {
        problems.clear();
    }

    @FXML
    void showDuplicates() {
        problems.showDuplicates();
    }
}
