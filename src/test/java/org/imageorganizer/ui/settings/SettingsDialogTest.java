package org.imageorganizer.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.imageorganizer.config.Settings;
import org.imageorganizer.ui.DialogTestServices;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real settings dialog (FXML, controller, view model) driven by a robot, headless. */
@Tag("ui")
class SettingsDialogTest {
    private final DialogTestServices services = new DialogTestServices();
    private final FxRobot robot = new FxRobot();
    private Stage stage;

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            onFx(() -> {
                stage.close();
                return null;
            });
        }
    }

    @Test
    void theModelVariantIsChosenFromAListAndSaved() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
        services.settings = Settings.defaults();
        stage = onFx(() -> new SettingsDialog(services, new SameThreadTaskExecutor()).show(null));
        @SuppressWarnings("unchecked")
        ChoiceBox<ModelPrecision> precision = (ChoiceBox<ModelPrecision>)
                stage.getScene().lookup("#precision");
        TabPane tabs = (TabPane) stage.getScene().lookup("#tabs");

        onFx(() -> {
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> t.getText().equals("Analysis")).findFirst().orElseThrow());
            ((TitledPane) stage.getScene().lookup("#advanced")).setExpanded(true);
            return null;
        });
        assertThat(onFx(precision::getValue)).isEqualTo(ModelPrecision.AUTO);
        robot.clickOn(precision);
        robot.clickOn("Compact (int8)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(precision::getValue)).isEqualTo(ModelPrecision.INT8);
        robot.clickOn("#settingsOk");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(services.saved).hasSize(1);
        assertThat(services.saved.get(0).precision()).isEqualTo("int8");
    }
}
