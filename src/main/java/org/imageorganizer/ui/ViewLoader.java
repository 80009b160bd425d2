package org.imageorganizer.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Loads a view's FXML with its controller made by the caller (constructor injection), and puts
 * dialogs on stages of their own: owned by the window that opened them, modal to it, with the
 * application icon and the view's style sheet.
 */
public final class ViewLoader {
    /**
     * The app-wide style sheet (the colour variables every view's style sheet uses, ADR 0052); the
     * theme ({@code ui.theme.AppTheme}) adds the dark one after it when the window is dark.
     */
    public static final String APP_STYLESHEET = stylesheet("/org/imageorganizer/ui/theme/app.css");

    private ViewLoader() {
    }

    /**
     * Loads {@code name.fxml} from the package of {@code controller}'s class, with {@code controller}
     * as its controller, and adds {@code name.css} from there when it exists.
     */
    public static Parent load(String name, Object controller) {
        Class<?> type = controller.getClass();
        URL fxml = type.getResource(name + ".fxml");
        if (fxml == null) {
            throw new IllegalStateException("The layout " + name + ".fxml is missing");
        }
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setControllerFactory(wanted -> {
            if (wanted.isInstance(controller)) {
                return controller;
            }
            throw new IllegalArgumentException("no controller " + wanted);
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The layout " + name + ".fxml is broken", e);
        }
        URL css = type.getResource(name + ".css");
        if (css != null) {
            root.getStylesheets().add(css.toExternalForm());
        }
        return root;
    }

    /** A stage for a dialog: owned by and modal to {@code owner} (when there is one), with the icon and {@code root}. */
    public static Stage dialogStage(Window owner, String title, Parent root) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        } else {
            stage.initModality(Modality.APPLICATION_MODAL);
        }
        stage.setTitle(title);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(APP_STYLESHEET);
        stage.setScene(scene);
        AppIcons.apply(stage);
        return stage;
    }

    private static String stylesheet(String path) {
        URL url = ViewLoader.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("The style sheet " + path + " is missing");
        }
        return url.toExternalForm();
    }
}
