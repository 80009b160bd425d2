package org.imageorganizer.ui.main;

import static org.imageorganizer.ui.main.WindowFixture.onFx;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import org.imageorganizer.model.ImageRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** A test of the real main window on a new user's folders, headless: the window opens before each test, closes after. */
@Tag("ui")
@Tag("model")
@Tag("database")
abstract class WindowTestCase {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    @TempDir
    Path home;
    @TempDir
    Path photos;

    WindowFixture fx;

    @BeforeEach
    void openWindow() {
        fx = new WindowFixture(new TestDesktopServices(home));
    }

    @AfterEach
    void closeWindow() {
        if (fx != null) {
            fx.close();
        }
    }

    /** Imports {@code count} test photos and waits until the grid lists them all; the grid's items. */
    List<ImageRecord> importPhotos(int count) {
        TestDesktopServices.photos(photos, count);
        fx.importPaths(photos);
        fx.waitForImport();
        fx.waitUntil("the grid to list the " + count + " photos", () -> fx.grid.getItems().size() == count);
        return fx.gridItems();
    }

    /** The file names of the cells on screen marked selected. */
    Set<String> selectedOnScreen() {
        return onFx(() -> fx.visibleCells().stream().filter(c -> c.getPseudoClassStates().contains(SELECTED))
                .map(c -> c.getItem().fileName()).collect(Collectors.toSet()));
    }
}
