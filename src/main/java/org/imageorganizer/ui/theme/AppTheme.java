package org.imageorganizer.ui.theme;

import java.net.URL;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.imageorganizer.ui.SettingsStore;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.ViewLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's look on every window it opens: the main window, its dialogs and alerts get the
 * app-wide style sheet ({@code app.css}: the type scale, spacing, cards and the colour variables
 * every view's own style sheet uses), plus {@code app-dark.css} (the dark values of those variables)
 * when the scheme is dark. Pop-ups (menus, tool tips) copy their window's style sheets when they show.
 * {@link #follow} reads the {@code theme} setting and, for "system", the operating system's choice,
 * in the background, so the window never waits for it; a changed scheme restyles the open windows at once.
 */
public final class AppTheme implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppTheme.class);
    static final String APP_CSS = ViewLoader.APP_STYLESHEET;
    static final String DARK_CSS = stylesheet("app-dark.css");
    /** On the root of every themed scene: {@code dark} or {@code light}, for the few rules that differ beyond colours. */
    static final List<String> SCHEME_CLASSES = List.of("light", "dark");
    /** The scenes' fill, the -app-bg of each scheme. */
    private static final Color LIGHT_FILL = Color.web("#f5f6f8");
    private static final Color DARK_FILL = Color.web("#12151b");

    private final TaskExecutor executor;
    private final ThemeResolver resolver;
    private final ReadOnlyObjectWrapper<ColorScheme> scheme = new ReadOnlyObjectWrapper<>(ColorScheme.LIGHT);
    private final ChangeListener<Scene> sceneSet = (o, was, now) -> {
        if (now != null) {
            apply(now);
        }
    };
    private final ListChangeListener<Window> windowsChanged = change -> {
        while (change.next()) {
            for (Window added : change.getAddedSubList()) {
                watch(added);
            }
            for (Window removed : change.getRemoved()) {
                removed.sceneProperty().removeListener(sceneSet);
            }
        }
    };
    private boolean installed;

    /**
     * @param executor runs the reading of the setting and the asking of the system
     * @param resolver the environment variable, the setting and the system, in that order
     */
    public AppTheme(TaskExecutor executor, ThemeResolver resolver) {
        this.executor = executor;
        this.resolver = resolver;
        scheme.addListener((o, was, now) -> Window.getWindows().forEach(this::applyTo));
    }

    /** Styles the windows open now and every window opened from now on (FX thread). */
    public void install() {
        if (!installed) {
            installed = true;
            Window.getWindows().addListener(windowsChanged);
            Window.getWindows().forEach(this::watch);
        }
    }

    /** Stops styling new windows (the open ones keep their look). */
    @Override
    public void close() {
        if (installed) {
            installed = false;
            Window.getWindows().removeListener(windowsChanged);
            Window.getWindows().forEach(w -> w.sceneProperty().removeListener(sceneSet));
        }
    }

    /** Reads the {@code theme} setting (and asks the system when it says so) in the background, then shows that scheme. */
    public void follow(SettingsStore settings) {
        executor.submit(() -> resolver.resolve(settings.load().theme()), this::show, failure -> {
            LOG.warn("The theme setting could not be read; the window stays {}", scheme.get(), failure);
        });
    }

    /** Shows {@code chosen} on every window (FX thread). */
    public void show(ColorScheme chosen) {
        scheme.set(chosen == null ? ColorScheme.LIGHT : chosen);
    }

    /** The scheme the windows show. */
    public ReadOnlyObjectProperty<ColorScheme> schemeProperty() {
        return scheme.getReadOnlyProperty();
    }

    /** Gives {@code scene} the app-wide style sheet, and the dark one when the scheme is dark. */
    public void apply(Scene scene) {
        apply(scene, scheme.get());
    }

    /** Gives {@code scene} the look of {@code chosen} (for views shown outside the application, such as tests). */
    public static void apply(Scene scene, ColorScheme chosen) {
        List<String> sheets = scene.getStylesheets();
        if (!sheets.contains(APP_CSS)) {
            sheets.add(0, APP_CSS);
        }
        boolean dark = chosen == ColorScheme.DARK;
        if (dark && !sheets.contains(DARK_CSS)) {
            sheets.add(sheets.indexOf(APP_CSS) + 1, DARK_CSS);
        } else if (!dark) {
            sheets.remove(DARK_CSS);
        }
        scene.setFill(dark ? DARK_FILL : LIGHT_FILL); // what shows before the first layout: no white flash in the dark
        if (scene.getRoot() != null) {
            scene.getRoot().getStyleClass().removeAll(SCHEME_CLASSES);
            scene.getRoot().getStyleClass().add(dark ? "dark" : "light");
        }
    }

    private void watch(Window window) {
        if (window instanceof PopupWindow) {
            return; // a pop-up takes its owner's style sheets each time it shows
        }
        window.sceneProperty().removeListener(sceneSet);
        window.sceneProperty().addListener(sceneSet);
        applyTo(window);
    }

    private void applyTo(Window window) {
        if (!(window instanceof PopupWindow) && window.getScene() != null) {
            apply(window.getScene());
        }
    }

    private static String stylesheet(String name) {
        URL url = AppTheme.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("The style sheet " + name + " is missing");
        }
        return url.toExternalForm();
    }
}
