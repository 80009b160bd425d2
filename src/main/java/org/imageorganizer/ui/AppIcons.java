package org.imageorganizer.ui;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application icon in several sizes (drawn by {@code scripts/make_icons.py}); the window
 * system picks the size it needs for title bars, task bars and switchers.
 */
public final class AppIcons {
    private static final Logger LOG = LoggerFactory.getLogger(AppIcons.class);
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};
    private static List<Image> icons;

    private AppIcons() {
    }

    /** The icons, loaded once (FX thread); empty when the resources are missing. */
    public static synchronized List<Image> all() {
        if (icons == null) {
            List<Image> loaded = new ArrayList<>();
            for (int size : SIZES) {
                try (InputStream in = AppIcons.class.getResourceAsStream("icons/icon-" + size + ".png")) {
                    if (in != null) {
                        loaded.add(new Image(in));
                    }
                } catch (Exception e) {
                    LOG.debug("No {} px icon: {}", size, e.toString());
                }
            }
            icons = List.copyOf(loaded);
        }
        return icons;
    }

    /** Gives the stage the application icon. */
    public static void apply(Stage stage) {
        stage.getIcons().setAll(all());
    }
}
