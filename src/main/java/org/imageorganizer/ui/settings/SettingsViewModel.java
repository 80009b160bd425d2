package org.imageorganizer.ui.settings;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.imageorganizer.model.ClusterAlgorithm;
import org.imageorganizer.config.Settings;
import org.imageorganizer.config.SettingsException;
import org.imageorganizer.model.LabelSettings;
import org.imageorganizer.ui.SettingsStore;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.theme.ThemeChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings as the dialog edits them: label lists as text (one label a line), test-time
 * augmentation, clustering, the window's theme, model folder, database, server port and Cloudinary
 * ({@link CloudinaryFields}). {@link #save} checks them, says what is wrong in a sentence
 * ({@link #errorProperty()}) or saves them in the background.
 */
public final class SettingsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);
    static final int MAX_LABEL_LENGTH = 100;

    private final SettingsStore settings;
    private final TaskExecutor executor;
    private final Settings original;
    private final StringProperty objectLabels = new SimpleStringProperty("");
    private final StringProperty backgroundLabels = new SimpleStringProperty("");
    private final ObjectProperty<Integer> ttaViews = new SimpleObjectProperty<>(Settings.DEFAULT_VIEWS);
    private final BooleanProperty adaptiveTta = new SimpleBooleanProperty();
    private final ObjectProperty<ModelPrecision> precision =
            new SimpleObjectProperty<>(ModelPrecision.AUTO);
    private final ObjectProperty<ClusterAlgorithm> algorithm = new SimpleObjectProperty<>(ClusterAlgorithm.HDBSCAN);
    private final ObjectProperty<Integer> minClusterSize = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> minSamples = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> k = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> minGroupSize = new SimpleObjectProperty<>();
    private final StringProperty modelDir = new SimpleStringProperty("");
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty serverPort = new SimpleStringProperty("");
    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>(ThemeChoice.SYSTEM);
    private final CloudinaryFields cloudinary = new CloudinaryFields();
    private final StringProperty error = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();

    public SettingsViewModel(SettingsStore settings, TaskExecutor executor) {
        this.settings = settings;
        this.executor = executor;
        this.original = settings.load();
        fill(original);
        modelDir.set(original.modelDir() == null ? "" : original.modelDir());
        database.set(original.database() == null ? "" : original.database());
        theme.set(ThemeChoice.parse(original.theme()).orElse(ThemeChoice.SYSTEM));
        cloudinary.fill(original.cloudinary());
    }

    private void fill(Settings s) {
        objectLabels.set(String.join("\n", s.labels().objects()));
        backgroundLabels.set(String.join("\n", s.labels().backgrounds()));
        ttaViews.set(s.ttaViews());
        adaptiveTta.set(s.adaptiveTta());
        precision.set(parsePrecision(s.precision()));
        Settings.Clustering c = s.clustering();
        algorithm.set(ClusterAlgorithm.parse(c.algorithm()));
        minClusterSize.set(c.minClusterSize());
        minSamples.set(c.minSamples());
        k.set(c.k());
        minGroupSize.set(c.minGroupSize());
        serverPort.set(Integer.toString(s.serverPort()));
    }

    /** Puts the default labels, views, clustering and port back (the model folder, database, theme and Cloudinary stay). */
    public void restoreDefaults() {
        fill(Settings.defaults());
        error.set("");
    }

    /**
     * Checks the fields and saves them in the background; {@code onSaved} runs (UI thread) once they are.
     *
     * @return false when a field is wrong: {@link #errorProperty()} says which and why
     */
    public boolean save(Runnable onSaved) {
        error.set("");
        Settings changed;
        try {
            changed = build();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
        saving.set(true);
        executor.submit(() -> {
            if (changed.modelDir() != null && !Files.isDirectory(Path.of(changed.modelDir()))) {
                throw new IllegalArgumentException("The model folder " + changed.modelDir() + " does not exist.");
            }
            settings.save(changed);
            return changed;
        }, saved -> {
            saving.set(false);
            onSaved.run();
        }, failure -> {
            saving.set(false);
            if (failure instanceof IllegalArgumentException || failure instanceof SettingsException) {
                error.set(failure.getMessage());
            } else {
                LOG.warn("Saving the settings failed", failure);
                error.set("The settings could not be saved (details in the log file).");
            }
        });
        return true;
    }

    /** The settings the fields describe; the other fields of the current settings stay as they were. */
    Settings build() {
        List<String> objects = labels(objectLabels.get(), "What it shows");
        List<String> backgrounds = labels(backgroundLabels.get(), "Where");
        int views = inRange(ttaViews.get(), 1, 16, "Looks at each photo");
        int port = port(serverPort.get());
        int clusterSize = inRange(minClusterSize.get(), 2, 100_000, "The smallest group");
        int samples = inRange(minSamples.get(), 1, 100_000, "Caution");
        int clusters = inRange(k.get(), 0, 100_000, "The number of groups");
        int groupSize = inRange(minGroupSize.get(), 1, 1_000_000, "The category size to group");
        ClusterAlgorithm chosen = algorithm.get() == null ? ClusterAlgorithm.HDBSCAN : algorithm.get();
        Settings.Cloudinary account = cloudinary.build(original.cloudinary());
        LabelSettings l = original.labels();
        try {
            return original
                    .withLabels(new LabelSettings(objects, backgrounds, l.objectTemplates(), l.backgroundTemplates(),
                            l.confidenceThreshold()))
                    .withTtaViews(views)
                    .withAdaptiveTta(adaptiveTta.get())
                    .withPrecision((precision.get() == null ? ModelPrecision.AUTO : precision.get()).settingsValue())
                    .withClustering(new Settings.Clustering(chosen.name().toLowerCase(Locale.ROOT), clusterSize, samples,
                            clusters, groupSize))
                    .withModelDir(folder(modelDir.get(), "model folder"))
                    .withDatabase(databaseName(folder(database.get(), "database location")))
                    .withServerPort(port)
                    .withTheme((theme.get() == null ? ThemeChoice.SYSTEM : theme.get()).settingsValue())
                    .withCloudinary(account);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("These settings cannot be used: " + e.getMessage() + ".", e);
        }
    }

    /** One label a line; blank lines are ignored, repeats dropped. {@code what} is the list's heading in the dialog. */
    static List<String> labels(String text, String what) {
        Set<String> unique = new LinkedHashSet<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            String label = line.strip();
            if (label.isEmpty()) {
                continue;
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                throw new IllegalArgumentException("Under “" + what + "”, the label “" + label.substring(0, 30)
                        + "…” is longer than " + MAX_LABEL_LENGTH + " characters.");
            }
            unique.add(label);
        }
        if (unique.size() < 2) {
            throw new IllegalArgumentException("List at least two different labels under “" + what + "”, one per line.");
        }
        return List.copyOf(unique);
    }

    private static int inRange(Integer value, int min, int max, String what) {
        if (value == null || value < min || value > max) {
            throw new IllegalArgumentException(what + " must be a whole number from " + min + " to " + max + ".");
        }
        return value;
    }

    static int port(String text) {
        try {
            int port = Integer.parseInt(text == null ? "" : text.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // the sentence below
        }
        throw new IllegalArgumentException("The server port must be a whole number from 0 to 65535 (0 picks a free port).");
    }

    private static String folder(String text, String what) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            return Path.of(trimmed).toString();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("The " + what + " “" + trimmed + "” is not a valid path.", e);
        }
    }

    /** H2 adds ".mv.db" to the name it is given: a chosen "library.mv.db" file means "library". */
    static String databaseName(String path) {
        return path != null && path.endsWith(".mv.db") ? path.substring(0, path.length() - ".mv.db".length()) : path;
    }

    public StringProperty objectLabelsProperty() {
        return objectLabels;
    }

    public StringProperty backgroundLabelsProperty() {
        return backgroundLabels;
    }

    public ObjectProperty<Integer> ttaViewsProperty() {
        return ttaViews;
    }

    public BooleanProperty adaptiveTtaProperty() {
        return adaptiveTta;
    }

    /** The model variant a new library is built with ({@code auto}: calibrated on this computer). */
    public ObjectProperty<ModelPrecision> precisionProperty() {
        return precision;
    }

    /** An unreadable value in settings.json shows as auto, which is what the importer falls back to as well. */
    private static ModelPrecision parsePrecision(String value) {
        return ModelPrecision.parse(value);
    }

    public ObjectProperty<ClusterAlgorithm> algorithmProperty() {
        return algorithm;
    }

    public ObjectProperty<Integer> minClusterSizeProperty() {
        return minClusterSize;
    }

    public ObjectProperty<Integer> minSamplesProperty() {
        return minSamples;
    }

    public ObjectProperty<Integer> kProperty() {
        return k;
    }

    public ObjectProperty<Integer> minGroupSizeProperty() {
        return minGroupSize;
    }

    /** The chosen model folder; empty for the downloaded model. */
    public StringProperty modelDirProperty() {
        return modelDir;
    }

    /** The chosen library database; empty for the default one. Used from the next start. */
    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty serverPortProperty() {
        return serverPort;
    }

    /** How the window looks: following the system, light or dark (applies when the settings are saved). */
    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    /** The Cloudinary account, who may open the copies, what deleting does to them, and their folder. */
    public CloudinaryFields cloudinary() {
        return cloudinary;
    }

    /** What is wrong with the fields, as a sentence; empty when nothing is. */
    public StringProperty errorProperty() {
        return error;
    }

    /** True while the settings are being written. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }
}
