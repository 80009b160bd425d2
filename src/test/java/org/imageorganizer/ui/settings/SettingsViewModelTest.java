package org.imageorganizer.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.model.ClusterAlgorithm;
import org.imageorganizer.config.Settings;
import org.imageorganizer.config.SettingsException;
import org.imageorganizer.model.LabelSettings;
import org.imageorganizer.ui.DialogTaskQueue;
import org.imageorganizer.ui.DialogTestServices;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    private final DialogTestServices services = new DialogTestServices();
    private final AtomicInteger closed = new AtomicInteger();

    private SettingsViewModel model() {
        return new SettingsViewModel(services, new SameThreadTaskExecutor());
    }

    @Test
    void showsTheCurrentSettings() {
        services.settings = Settings.defaults().withTtaViews(5).withServerPort(9090).withModelDir("/models/clip")
                .withAdaptiveTta(true).withPrecision("int8");

        SettingsViewModel model = model();

        assertThat(model.objectLabelsProperty().get()).startsWith("cat\ndog\n");
        assertThat(model.backgroundLabelsProperty().get()).startsWith("indoor\noutdoor\n");
        assertThat(model.ttaViewsProperty().get()).isEqualTo(5);
        assertThat(model.adaptiveTtaProperty().get()).isTrue();
        assertThat(model.precisionProperty().get()).isEqualTo(ModelPrecision.INT8);
        assertThat(model.algorithmProperty().get()).isEqualTo(ClusterAlgorithm.HDBSCAN);
        assertThat(model.minClusterSizeProperty().get()).isEqualTo(5);
        assertThat(model.minGroupSizeProperty().get()).isEqualTo(10);
        assertThat(model.modelDirProperty().get()).isEqualTo("/models/clip");
        assertThat(model.databaseProperty().get()).isEmpty();
        assertThat(model.serverPortProperty().get()).isEqualTo("9090");
    }

    @Test
    void savesWhatWasEditedAndKeepsTheRest(@TempDir Path models) {
        LabelSettings custom = new LabelSettings(null, null, java.util.List.of("an image of a {}."), null, 0.3);
        services.settings = Settings.defaults().withLabels(custom);
        SettingsViewModel model = model();
        model.objectLabelsProperty().set("  cat \n\ndog\ncat\nteapot\n");
        model.backgroundLabelsProperty().set("inside\r\noutside");
        model.ttaViewsProperty().set(8);
        model.adaptiveTtaProperty().set(true);
        model.precisionProperty().set(ModelPrecision.FP32);
        model.algorithmProperty().set(ClusterAlgorithm.KMEANS);
        model.kProperty().set(7);
        model.minClusterSizeProperty().set(3);
        model.minSamplesProperty().set(2);
        model.minGroupSizeProperty().set(4);
        model.modelDirProperty().set(" " + models + " ");
        model.databaseProperty().set("/data/photos/library.mv.db");
        model.serverPortProperty().set(" 8181 ");

        assertThat(model.save(closed::incrementAndGet)).isTrue();

        assertThat(closed).hasValue(1);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.savingProperty().get()).isFalse();
        Settings saved = services.saved.get(0);
        assertThat(saved.labels().objects()).containsExactly("cat", "dog", "teapot");
        assertThat(saved.labels().backgrounds()).containsExactly("inside", "outside");
        assertThat(saved.labels().objectTemplates()).containsExactly("an image of a {}.");
        assertThat(saved.labels().confidenceThreshold()).isEqualTo(0.3);
        assertThat(saved.ttaViews()).isEqualTo(8);
        assertThat(saved.adaptiveTta()).isTrue();
        assertThat(saved.precision()).isEqualTo("fp32");
        assertThat(saved.clustering()).isEqualTo(new Settings.Clustering("kmeans", 3, 2, 7, 4));
        assertThat(saved.modelDir()).isEqualTo(models.toString());
        assertThat(saved.database()).isEqualTo(Path.of("/data/photos/library").toString());
        assertThat(saved.serverPort()).isEqualTo(8181);
        assertThat(saved.maxMegapixels()).isEqualTo(Settings.defaults().maxMegapixels());
    }

    @Test
    void emptyFoldersMeanTheDefaults() {
        services.settings = Settings.defaults().withModelDir("/somewhere").withDatabase("/db/library");
        SettingsViewModel model = model();
        model.modelDirProperty().set("   ");
        model.databaseProperty().set("");

        assertThat(model.save(closed::incrementAndGet)).isTrue();

        assertThat(services.saved.get(0).modelDir()).isNull();
        assertThat(services.saved.get(0).database()).isNull();
    }

    @Test
    void aSingleLabelIsRefusedInASentenceAndNothingIsSaved() {
        SettingsViewModel model = model();
        model.objectLabelsProperty().set("cat\n\n  \ncat");

        assertThat(model.save(closed::incrementAndGet)).isFalse();

        assertThat(model.errorProperty().get())
                .isEqualTo("List at least two different labels under “What it shows”, one per line.");
        assertThat(services.saved).isEmpty();
        assertThat(closed).hasValue(0);
    }

    @Test
    void anOverLongLabelIsRefused() {
        SettingsViewModel model = model();
        model.backgroundLabelsProperty().set("indoor\n" + "x".repeat(101));

        assertThat(model.save(closed::incrementAndGet)).isFalse();

        assertThat(model.errorProperty().get()).startsWith("Under “Where”, the label").contains("100 characters");
    }

    @Test
    void aBadPortIsRefused() {
        SettingsViewModel model = model();
        for (String port : new String[] {"http", "70000", "-1", ""}) {
            model.serverPortProperty().set(port);
            assertThat(model.save(closed::incrementAndGet)).as(port).isFalse();
            assertThat(model.errorProperty().get()).startsWith("The server port must be a whole number from 0 to 65535");
        }
        assertThat(services.saved).isEmpty();
    }

    @Test
    void numbersOutsideTheirRangeAreRefused() {
        SettingsViewModel model = model();
        model.minClusterSizeProperty().set(1);

        assertThat(model.save(closed::incrementAndGet)).isFalse();
        assertThat(model.errorProperty().get()).isEqualTo("The smallest group must be a whole number from 2 to 100000.");

        model.minClusterSizeProperty().set(5);
        model.ttaViewsProperty().set(null);
        assertThat(model.save(closed::incrementAndGet)).isFalse();
        assertThat(model.errorProperty().get()).startsWith("Looks at each photo must be");
    }

    @Test
    void aModelFolderThatDoesNotExistIsRefusedAfterTheCheck(@TempDir Path temp) {
        SettingsViewModel model = model();
        model.modelDirProperty().set(temp.resolve("nowhere").toString());

        model.save(closed::incrementAndGet);

        assertThat(model.errorProperty().get()).isEqualTo("The model folder " + temp.resolve("nowhere") + " does not exist.");
        assertThat(model.savingProperty().get()).isFalse();
        assertThat(services.saved).isEmpty();
        assertThat(closed).hasValue(0);
    }

    @Test
    void aFailedSaveKeepsTheDialogOpenWithTheReason() {
        services.saveFailure = new SettingsException("Cannot save settings to /ro/settings.json: read-only file system");
        SettingsViewModel model = model();

        model.save(closed::incrementAndGet);

        assertThat(model.errorProperty().get()).isEqualTo("Cannot save settings to /ro/settings.json: read-only file system");
        assertThat(closed).hasValue(0);
    }

    @Test
    void anUnexpectedFailureIsASentenceToo() {
        services.saveFailure = new IllegalStateException("boom");
        SettingsViewModel model = model();

        model.save(closed::incrementAndGet);

        assertThat(model.errorProperty().get()).isEqualTo("The settings could not be saved (details in the log file).");
    }

    @Test
    void savesInTheBackgroundAndSaysSoMeanwhile() {
        DialogTaskQueue queue = new DialogTaskQueue();
        SettingsViewModel model = new SettingsViewModel(services, queue);

        model.save(closed::incrementAndGet);
        assertThat(model.savingProperty().get()).isTrue();
        assertThat(services.saved).isEmpty();

        queue.runAll();
        assertThat(model.savingProperty().get()).isFalse();
        assertThat(services.saved).hasSize(1);
        assertThat(closed).hasValue(1);
    }

    @Test
    void restoringDefaultsKeepsTheFolders() {
        services.settings = Settings.defaults().withTtaViews(9).withModelDir("/m").withDatabase("/d/library");
        SettingsViewModel model = model();
        model.objectLabelsProperty().set("x");
        model.errorProperty().set("something");

        model.restoreDefaults();

        assertThat(model.ttaViewsProperty().get()).isEqualTo(Settings.DEFAULT_VIEWS);
        assertThat(model.objectLabelsProperty().get()).startsWith("cat\n");
        assertThat(model.modelDirProperty().get()).isEqualTo("/m");
        assertThat(model.databaseProperty().get()).isEqualTo("/d/library");
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void databaseNamesLoseTheH2Suffix() {
        assertThat(SettingsViewModel.databaseName("/a/library.mv.db")).isEqualTo("/a/library");
        assertThat(SettingsViewModel.databaseName("/a/library")).isEqualTo("/a/library");
        assertThat(SettingsViewModel.databaseName(null)).isNull();
    }
}
