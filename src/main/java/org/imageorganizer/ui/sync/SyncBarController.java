package org.imageorganizer.ui.sync;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/** The backup bar (SyncBar.fxml): shown once a backup has something to say, with its progress and Stop. */
public final class SyncBarController {
    private final SyncViewModel backup;

    @FXML HBox syncBar;
    @FXML ProgressBar syncProgress;
    @FXML Label syncStatus;
    @FXML Button syncCancel;

    public SyncBarController(SyncViewModel backup) {
        this.backup = backup;
    }

    @FXML
    void initialize() {
        syncProgress.progressProperty().bind(backup.progressProperty());
        syncStatus.textProperty().bind(backup.statusProperty());
        syncCancel.visibleProperty().bind(backup.runningProperty());
        syncBar.visibleProperty().bind(backup.statusProperty().isNotEmpty());
        syncBar.managedProperty().bind(syncBar.visibleProperty());
    }

    @FXML
    void cancelBackUp() {
        backup.cancel();
    }
}
