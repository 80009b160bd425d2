package org.imageorganizer.ui.settings;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.imageorganizer.model.ClusterAlgorithm;
import org.imageorganizer.ui.theme.ThemeChoice;

/** Binds the settings form to its view model; OK saves (or shows what is wrong), Cancel leaves everything as it was. */
public final class SettingsDialogController {
    private final SettingsViewModel model;
    private boolean saved;

    @FXML VBox root;
    @FXML TabPane tabs;
    @FXML TextArea objectLabels;
    @FXML TextArea backgroundLabels;
    @FXML Spinner<Integer> ttaViews;
    @FXML CheckBox adaptiveTta;
    @FXML ChoiceBox<ModelPrecision> precision;
    @FXML ChoiceBox<ClusterAlgorithm> algorithm;
    @FXML Spinner<Integer> minClusterSize;
    @FXML Spinner<Integer> minSamples;
    @FXML Spinner<Integer> clusterCount;
    @FXML Spinner<Integer> minGroupSize;
    @FXML TextField modelDir;
    @FXML TextField database;
    @FXML TextField serverPort;
    @FXML TitledPane advanced;
    @FXML ChoiceBox<ThemeChoice> theme;
    @FXML TextField cloudName;
    @FXML TextField apiKey;
    @FXML PasswordField apiSecret;
    @FXML ChoiceBox<CloudinaryFields.Delivery> delivery;
    @FXML ChoiceBox<CloudinaryFields.OnDelete> onDelete;
    @FXML TextField cloudinaryFolder;
    @FXML Label cloudinaryEnvironment;
    @FXML Label settingsError;
    @FXML Button settingsOk;
    @FXML Button settingsCancel;

    private final boolean cloudinaryFromEnvironment;

    public SettingsDialogController(SettingsViewModel model) {
        this(model, false);
    }

    /** @param cloudinaryFromEnvironment whether CLOUDINARY_URL is set (it wins over the fields, and the tab says so) */
    public SettingsDialogController(SettingsViewModel model, boolean cloudinaryFromEnvironment) {
        this.model = model;
        this.cloudinaryFromEnvironment = cloudinaryFromEnvironment;
    }

    @FXML
    void initialize() {
        objectLabels.textProperty().bindBidirectional(model.objectLabelsProperty());
        backgroundLabels.textProperty().bindBidirectional(model.backgroundLabelsProperty());
        bind(ttaViews, 1, 16, model.ttaViewsProperty());
        adaptiveTta.selectedProperty().bindBidirectional(model.adaptiveTtaProperty());
        precision.getItems().setAll(ModelPrecision.values());
        precision.setConverter(new StringConverter<>() {
            @Override
            public String toString(ModelPrecision p) {
                return p == null ? "" : switch (p) {
                    case AUTO -> "Automatic";
                    case FP32 -> "Full precision";
                    case INT8 -> "Compact (int8)";
                    case BF16 -> "Half precision (bfloat16, newer processors)";
                };
            }

            @Override
            public ModelPrecision fromString(String text) {
                return ModelPrecision.parse(text);
            }
        });
        precision.valueProperty().bindBidirectional(model.precisionProperty());
        algorithm.getItems().setAll(ClusterAlgorithm.values());
        algorithm.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClusterAlgorithm a) {
                return a == null ? "" : a == ClusterAlgorithm.HDBSCAN ? "Find the number of groups" : "A fixed number of groups";
            }

            @Override
            public ClusterAlgorithm fromString(String text) {
                return ClusterAlgorithm.parse(text);
            }
        });
        algorithm.valueProperty().bindBidirectional(model.algorithmProperty());
        bind(minClusterSize, 2, 100_000, model.minClusterSizeProperty());
        bind(minSamples, 1, 100_000, model.minSamplesProperty());
        bind(clusterCount, 0, 100_000, model.kProperty());
        bind(minGroupSize, 1, 1_000_000, model.minGroupSizeProperty());
        minSamples.disableProperty().bind(model.algorithmProperty().isEqualTo(ClusterAlgorithm.KMEANS));
        clusterCount.disableProperty().bind(model.algorithmProperty().isNotEqualTo(ClusterAlgorithm.KMEANS));
        modelDir.textProperty().bindBidirectional(model.modelDirProperty());
        database.textProperty().bindBidirectional(model.databaseProperty());
        serverPort.textProperty().bindBidirectional(model.serverPortProperty());
        bindTheme();
        bindCloudinary(model.cloudinary());

        settingsError.textProperty().bind(model.errorProperty());
        settingsError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        settingsError.managedProperty().bind(settingsError.visibleProperty());
        settingsOk.disableProperty().bind(model.savingProperty());
    }

    private void bindTheme() {
        theme.getItems().setAll(ThemeChoice.values());
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(ThemeChoice c) {
                return c == null ? "" : switch (c) {
                    case SYSTEM -> "Follow the system";
                    case LIGHT -> "Light";
                    case DARK -> "Dark";
                };
            }

            @Override
            public ThemeChoice fromString(String text) {
                return ThemeChoice.parse(text).orElse(ThemeChoice.SYSTEM);
            }
        });
        theme.valueProperty().bindBidirectional(model.themeProperty());
    }

    private void bindCloudinary(CloudinaryFields fields) {
        cloudName.textProperty().bindBidirectional(fields.cloudNameProperty());
        apiKey.textProperty().bindBidirectional(fields.apiKeyProperty());
        apiSecret.textProperty().bindBidirectional(fields.apiSecretProperty());
        cloudinaryFolder.textProperty().bindBidirectional(fields.folderProperty());
        delivery.getItems().setAll(CloudinaryFields.Delivery.values());
        delivery.setConverter(new StringConverter<>() {
            @Override
            public String toString(CloudinaryFields.Delivery d) {
                return d == null ? "" : d == CloudinaryFields.Delivery.PUBLIC ? "Anyone with the link"
                        : "Signed links only (recommended)";
            }

            @Override
            public CloudinaryFields.Delivery fromString(String text) {
                return null;
            }
        });
        delivery.valueProperty().bindBidirectional(fields.deliveryProperty());
        onDelete.getItems().setAll(CloudinaryFields.OnDelete.values());
        onDelete.setConverter(new StringConverter<>() {
            @Override
            public String toString(CloudinaryFields.OnDelete d) {
                return d == null ? "" : d == CloudinaryFields.OnDelete.KEEP
                        ? "Keep its Cloudinary copy (tagged image-organizer-deleted)" : "Delete its Cloudinary copy too";
            }

            @Override
            public CloudinaryFields.OnDelete fromString(String text) {
                return null;
            }
        });
        onDelete.valueProperty().bindBidirectional(fields.onDeleteProperty());
        cloudinaryEnvironment.setVisible(cloudinaryFromEnvironment);
        cloudinaryEnvironment.setManaged(cloudinaryFromEnvironment);
    }

    private static void bind(Spinner<Integer> spinner, int min, int max, ObjectProperty<Integer> value) {
        Integer initial = value.get() == null ? min : value.get();
        SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, initial);
        spinner.setValueFactory(factory);
        factory.valueProperty().bindBidirectional(value);
    }

    /** Whether OK saved the settings. */
    boolean saved() {
        return saved;
    }

    @FXML
    void ok() {
        for (Spinner<Integer> spinner : List.of(ttaViews, minClusterSize, minSamples, clusterCount, minGroupSize)) {
            try {
                spinner.commitValue();
            } catch (RuntimeException notANumber) {
                spinner.cancelEdit(); // back to the last valid value
            }
        }
        model.save(() -> {
            saved = true;
            close();
        });
    }

    @FXML
    void cancel() {
        close();
    }

    @FXML
    void restoreDefaults() {
        model.restoreDefaults();
    }

    @FXML
    void browseModelDir() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the model folder");
        existingFolder(model.modelDirProperty().get()).ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showDialog(window());
        if (chosen != null) {
            model.modelDirProperty().set(chosen.getAbsolutePath());
        }
    }

    @FXML
    void browseDatabase() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the folder for the library database");
        existingFolder(model.databaseProperty().get()).map(File::getParentFile).ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showDialog(window());
        if (chosen != null) {
            model.databaseProperty().set(chosen.toPath().resolve("library").toAbsolutePath().toString());
        }
    }

    private static Optional<File> existingFolder(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(text.strip());
            Path folder = Files.isDirectory(path) ? path : path.getParent();
            return folder != null && Files.isDirectory(folder) ? Optional.of(folder.toFile()) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void close() {
        Window window = window();
        if (window != null) {
            window.hide();
        }
    }
}
