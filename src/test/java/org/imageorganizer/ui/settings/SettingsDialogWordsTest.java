package org.imageorganizer.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.imageorganizer.config.Settings;
import org.imageorganizer.ui.DialogTestServices;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.theme.ThemeChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The settings dialog's words, its Advanced section, theme choice and Cloudinary fields, driven by a robot. */
@Tag("ui")
class SettingsDialogWordsTest {
    private final DialogTestServices services = new DialogTestServices();
    private final FxRobot robot = new FxRobot();
    private Stage stage;

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    @BeforeEach
    void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
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

    private void show() throws Exception {
        stage = onFx(() -> new SettingsDialog(services, new SameThreadTaskExecutor()).show(null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void selectTab(String title) throws Exception {
        onFx(() -> {
            TabPane tabs = (TabPane) stage.getScene().lookup("#tabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> t.getText().equals(title)).findFirst().orElseThrow());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The words of the labels on screen (choice boxes show theirs in a label too), as drawn. */
    private List<String> shownWords() throws Exception {
        return onFx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            List<String> words = new ArrayList<>();
            for (Node node : stage.getScene().getRoot().lookupAll(".label")) {
                if (node instanceof Label label && label.isVisible() && label.getScene() != null && showing(label)) {
                    Node drawn = label.lookup(".text");
                    words.add(drawn instanceof Text text ? text.getText() : label.getText());
                }
            }
            return words;
        });
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getLayoutBounds().getWidth() > 0;
    }

    @Test
    void theAnalysisTabSpeaksPlainlyAndKeepsTheExpertSettingsUnderAdvanced() throws Exception {
        show();
        selectTab("Analysis");
        TitledPane advanced = (TitledPane) stage.getScene().lookup("#advanced");
        assertThat(onFx(advanced::isExpanded)).isFalse();
        assertThat(shownWords()).doesNotContain("Model variant:", "Looks at each photo:");

        robot.clickOn("Advanced");
        WaitForAsyncUtils.waitForFxEvents();

        List<String> words = shownWords();
        assertThat(onFx(advanced::isExpanded)).isTrue();
        assertThat(words).contains("Looks at each photo:", "Model variant:", "Automatic", "Grouping method:",
                "Find the number of groups", "Caution:", "Number of groups:");
        assertThat(String.join("\n", words)).doesNotContain("HDBSCAN", "Min samples", "(k)", "Views per photo", "k-means");
        assertThat(words).as("no label is cut off").noneMatch(w -> w.endsWith("…") || w.endsWith("..."));
    }

    @Test
    void noLabelOnAnyTabIsCutOff() throws Exception {
        show();
        for (String tab : new String[] {"Starting Categories", "Analysis", "Appearance", "Folders and Server", "Cloudinary"}) {
            selectTab(tab);
            if (tab.equals("Analysis")) {
                robot.clickOn("Advanced");
                WaitForAsyncUtils.waitForFxEvents();
            }
            assertThat(shownWords()).as(tab).isNotEmpty().noneMatch(w -> w.endsWith("…") || w.endsWith("..."));
        }
    }

    @Test
    void theCategoriesSayWhatItShowsAndWhere() throws Exception {
        show();
        assertThat(shownWords()).contains("What it shows", "Where").doesNotContain("Where it was taken");
        assertThat(shownWords()).noneMatch(w -> w.endsWith("…"));
    }

    @Test
    void theThemeIsChosenFromThreePlainChoicesAndSaved() throws Exception {
        show();
        selectTab("Appearance");
        assertThat(shownWords()).contains("Follow the system");
        robot.clickOn("#theme");
        robot.clickOn("Dark");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#settingsOk");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(services.saved).hasSize(1);
        assertThat(services.saved.get(0).theme()).isEqualTo(ThemeChoice.DARK.settingsValue());
    }

    @Test
    void theCloudinaryAccountIsTypedInWithTheSecretMasked() throws Exception {
        show();
        selectTab("Cloudinary");
        assertThat(shownWords()).as("no label is cut off").contains("Who may open them:", "When a photo is removed:")
                .noneMatch(w -> w.endsWith("…") || w.endsWith("..."));
        robot.clickOn("#cloudName").write("demo-cloud");
        robot.clickOn("#apiKey").write("123456789");
        robot.clickOn("#apiSecret").write("TopSecret_1");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.getScene().lookup("#apiSecret")).isInstanceOf(PasswordField.class);
        assertThat(onFx(() -> stage.getScene().getRoot().lookupAll(".text").stream()
                .filter(n -> n instanceof Text t && t.getText() != null && t.getText().contains("TopSecret")).count()))
                .as("the secret is never drawn").isZero();

        robot.clickOn("#settingsOk");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(services.saved).hasSize(1);
        Settings.Cloudinary saved = services.saved.get(0).cloudinary();
        assertThat(saved.url()).isEqualTo("cloudinary://123456789:TopSecret_1@demo-cloud");
        assertThat(saved.delivery()).isEqualTo("authenticated");
    }

    @Test
    void aHalfFilledAccountIsExplainedAndNothingIsSaved() throws Exception {
        show();
        selectTab("Cloudinary");
        robot.clickOn("#cloudName").write("demo-cloud");
        robot.clickOn("#settingsOk");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(services.saved).isEmpty();
        Label error = (Label) stage.getScene().lookup("#settingsError");
        assertThat(onFx(error::getText)).startsWith("For Cloudinary, enter the cloud name, the API key and the API secret");
        assertThat(onFx(error::isVisible)).isTrue();
    }
}
