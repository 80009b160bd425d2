package org.imageorganizer.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.imageorganizer.config.Settings;
import org.imageorganizer.ui.DialogTestServices;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.SettingsStore;
import org.imageorganizer.ui.ViewLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The theme on real windows: the style sheets, the colours they resolve to, and a change while windows are open. */
@Tag("ui")
class AppThemeTest {
    private static final Color LIGHT_BACKGROUND = Color.web("#f5f6f8");
    private static final Color DARK_BACKGROUND = Color.web("#12151b");

    private final DialogTestServices settings = new DialogTestServices();
    private AppTheme theme;
    private Stage stage;
    private Alert alert;

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @AfterEach
    void close() throws Exception {
        onFx(() -> {
            if (alert != null) {
                alert.close();
            }
            if (stage != null) {
                stage.close();
            }
            if (theme != null) {
                theme.close();
            }
            return null;
        });
    }

    private AppTheme theme(Map<String, String> env, ColorScheme system) {
        return new AppTheme(new SameThreadTaskExecutor(), new ThemeResolver(env, () -> Optional.ofNullable(system)));
    }

    private Stage window() throws Exception {
        return onFx(() -> {
            Stage s = new Stage();
            StackPane root = new StackPane(new Label("A photo"));
            root.setPrefSize(300, 200);
            s.setScene(new Scene(root));
            s.show();
            return s;
        });
    }

    private static Color background(Scene scene) throws Exception {
        return onFx(() -> {
            scene.getRoot().applyCss();
            return (Color) ((Region) scene.getRoot()).getBackground().getFills().get(0).getFill();
        });
    }

    @Test
    void aSystemInDarkModeMakesEveryOpenWindowDark() throws Exception {
        settings.settings = Settings.defaults(); // theme: system
        theme = theme(Map.of(), ColorScheme.DARK);
        stage = window();

        onFx(() -> {
            theme.install();
            theme.follow(settings);
            return null;
        });

        assertThat(theme.schemeProperty().get()).isEqualTo(ColorScheme.DARK);
        assertThat(stage.getScene().getStylesheets()).containsExactly(ViewLoader.APP_STYLESHEET, AppTheme.DARK_CSS);
        assertThat(stage.getScene().getRoot().getStyleClass()).contains("dark");
        assertThat(background(stage.getScene())).isEqualTo(DARK_BACKGROUND);
        assertThat(stage.getScene().getFill()).as("no white flash before the first layout").isEqualTo(DARK_BACKGROUND);
    }

    @Test
    void windowsOpenedLaterAndAlertsFollowTheThemeToo() throws Exception {
        settings.settings = Settings.defaults().withTheme("dark");
        theme = theme(Map.of(), null);
        onFx(() -> {
            theme.install();
            theme.follow(settings);
            return null;
        });

        stage = window();
        alert = onFx(() -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, "Something to say", ButtonType.OK);
            a.initOwner(stage);
            a.show();
            return a;
        });

        assertThat(background(stage.getScene())).isEqualTo(DARK_BACKGROUND);
        Scene alertScene = alert.getDialogPane().getScene();
        assertThat(alertScene.getStylesheets()).contains(ViewLoader.APP_STYLESHEET, AppTheme.DARK_CSS);
    }

    @Test
    void aChangedSettingRestylesTheOpenWindowsAtOnce() throws Exception {
        settings.settings = Settings.defaults().withTheme("light");
        theme = theme(Map.of(), ColorScheme.DARK);
        stage = window();
        onFx(() -> {
            theme.install();
            theme.follow(settings);
            return null;
        });
        assertThat(background(stage.getScene())).isEqualTo(LIGHT_BACKGROUND);
        assertThat(stage.getScene().getStylesheets()).containsExactly(ViewLoader.APP_STYLESHEET);

        settings.settings = settings.settings.withTheme("dark"); // saved in Settings
        onFx(() -> {
            theme.follow(settings);
            return null;
        });
        assertThat(background(stage.getScene())).isEqualTo(DARK_BACKGROUND);

        settings.settings = settings.settings.withTheme("system"); // the system (dark here) decides
        onFx(() -> {
            theme.follow(settings);
            return null;
        });
        assertThat(background(stage.getScene())).isEqualTo(DARK_BACKGROUND);

        settings.settings = settings.settings.withTheme("light");
        onFx(() -> {
            theme.follow(settings);
            return null;
        });
        assertThat(background(stage.getScene())).isEqualTo(LIGHT_BACKGROUND);
        assertThat(stage.getScene().getStylesheets()).doesNotContain(AppTheme.DARK_CSS);
        assertThat(stage.getScene().getRoot().getStyleClass()).contains("light").doesNotContain("dark");
    }

    @Test
    void theEnvironmentVariableWinsOverTheSavedSetting() throws Exception {
        settings.settings = Settings.defaults().withTheme("dark");
        theme = theme(Map.of(ThemeResolver.VARIABLE, "light"), ColorScheme.DARK);
        stage = window();
        onFx(() -> {
            theme.install();
            theme.follow(settings);
            return null;
        });

        assertThat(background(stage.getScene())).isEqualTo(LIGHT_BACKGROUND);
    }

    @Test
    void anUnreadableSettingLeavesTheWindowAsItWas() throws Exception {
        SettingsStore broken = new SettingsStore() {
            @Override
            public Settings load() {
                throw new IllegalStateException("settings.json is broken");
            }

            @Override
            public void save(Settings changed) {
            }
        };
        theme = theme(Map.of(), ColorScheme.DARK);
        stage = window();
        onFx(() -> {
            theme.install();
            theme.follow(broken);
            return null;
        });

        assertThat(theme.schemeProperty().get()).isEqualTo(ColorScheme.LIGHT);
        assertThat(background(stage.getScene())).isEqualTo(LIGHT_BACKGROUND);
    }
}
