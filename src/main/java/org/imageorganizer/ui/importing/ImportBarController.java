package org.imageorganizer.ui.importing;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import org.imageorganizer.model.FileFailure;

/**
 * The import bar (ImportBar.fxml): progress, status line, Set Up Photo Recognition… while there is no model, Cancel,
 * and the Problems toggle with its list.
 */
public final class ImportBarController {
    private final ImportViewModel imports;

    @FXML ProgressBar progress;
    @FXML Label status;
    @FXML ToggleButton failuresToggle;
    @FXML Button cancelButton;
    @FXML Button modelButton;
    @FXML TitledPane failuresPane;
    @FXML ListView<FileFailure> failures;

    public ImportBarController(ImportViewModel imports) {
        this.imports = imports;
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
        failures.setItems(imports.failures());
        failures.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(FileFailure failure, boolean empty) {
                super.updateItem(failure, empty);
                setText(empty || failure == null ? null : failure.path() + " — " + failure.reason());
            }
        });
        failuresToggle.textProperty().bind(Bindings.concat("Problems (", Bindings.size(imports.failures()), ")"));
        failuresToggle.disableProperty().bind(Bindings.isEmpty(imports.failures()));
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
}
