package org.imageorganizer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.ui.main.WindowFixture.onFx;
import static org.imageorganizer.ui.main.WindowFixture.runFx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.testing.Scenes;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * View → Duplicates… in the real window over a library holding a photo and its half-size copy (one of
 * them also in a second folder): the stack with its keeper, Keep This (files untouched), and Move to
 * Trash into the test's own freedesktop.org trash.
 */
@Tag("ui")
@Tag("model")
@Tag("database")
class DuplicatesWindowTest {
    @TempDir
    Path home;
    @TempDir
    Path photos;

    private WindowFixture fx;
    private Path original;
    private Path small;
    private Path smallCopy;

    @BeforeEach
    void openWindowOnALibraryWithDuplicates() {
        fx = new WindowFixture(new TestDesktopServices(home));
        BufferedImage picture = Scenes.scene(7, 640, 480);
        original = TestImages.write(picture, "jpg", photos.resolve("album/original.jpg"));
        small = TestImages.write(TestImages.resized(picture, 320, 240), "jpg", photos.resolve("album/small.jpg"));
        smallCopy = photos.resolve("backup/small copy.jpg");
        TestImages.write(directory(photos.resolve("backup")), "small copy.jpg", read(small));
        TestImages.write(Scenes.scene(40, 640, 480), "jpg", photos.resolve("album/other.jpg"));
        fx.importPaths(photos);
        fx.waitForImport();
    }

    @AfterEach
    void closeWindow() {
        fx.close();
    }

    private static Path directory(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Opens View → Duplicates… and waits for its stack and the thumbnails. */
    private Stage openDuplicates() {
        runFx(() -> fx.controller.duplicatesItem.fire());
        Stage stage = waitFor("the Duplicates window", () -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && "Duplicates".equals(s.getTitle()) && s.isShowing())
                .map(w -> (Stage) w).findFirst().orElse(null));
        ListView<?> list = (ListView<?>) onFx(() -> stage.getScene().lookup("#stacks"));
        waitFor("the stack", () -> list.getItems().size() == 1 ? true : null);
        // the stack's cell is laid out after the list has its item: wait for both members, not for none
        waitFor("both thumbnails", () -> onFx(() -> stage.getScene().getRoot().lookupAll(".member").stream()
                .filter(m -> m.lookup(".image-view") instanceof ImageView v && v.getImage() != null).count() == 2) ? true : null);
        return stage;
    }

    @Test
    void theStackIsShownWithItsKeeperAndKeepingOneRemovesTheOthersFromTheLibraryOnly() {
        Stage stage = openDuplicates();

        assertThat(text(stage, "#summary")).isEqualTo("1 stack of duplicates");
        List<String> shown = texts(stage);
        assertThat(shown).contains("2 copies of “original.jpg”", "Keep", "original.jpg", "small.jpg", "Keep This",
                "Same picture, resized", original.toString(), small.toString(), smallCopy.toString(), "In 2 places:",
                "Keep This, Remove Others from Library", "Move Others to Trash…");

        fx.robot.clickOn(button(stage, "Keep This, Remove Others from Library"));
        Button confirm = waitFor("the confirmation", () -> onFx(() -> fx.robot.lookup(".dialog-pane .button")
                .queryAllAs(Button.class).stream().filter(b -> "Remove 1 photo from Library".equals(b.getText()))
                .findFirst().orElse(null)));
        assertThat(onFx(() -> fx.robot.lookup(".dialog-pane .content").queryLabeled().getText()))
                .isEqualTo("1 photo will be removed from the library. Its file stays on disk.");
        fx.robot.clickOn(confirm);

        waitFor("the empty state", () -> "No duplicates in your library".equals(text(stage, "#summary")) ? true : null);
        assertThat(fx.services.library().images().count()).isEqualTo(2);
        assertThat(small).exists();
        assertThat(smallCopy).exists();
        assertThat(text(stage, "#message")).isEqualTo("Kept “original.jpg”; 1 photo was removed from the library.");
    }

    @Test
    void moveToTrashListsEveryFileThenPutsThemInTheTrash() throws Exception {
        Stage stage = openDuplicates();

        fx.robot.clickOn(button(stage, "Move Others to Trash…"));
        Button confirm = waitFor("the trash confirmation", () -> onFx(() -> fx.robot.lookup(".dialog-pane .button")
                .queryAllAs(Button.class).stream().filter(b -> "Move 2 Files to Trash".equals(b.getText()))
                .findFirst().orElse(null)));
        ListView<?> files = onFx(() -> fx.robot.lookup(".trash-files").queryAs(ListView.class));
        assertThat(onFx(() -> files.getItems().stream().map(String::valueOf).toList())).containsExactlyInAnyOrder(small.toString(), smallCopy.toString());
        fx.robot.clickOn(confirm);

        waitFor("the empty state", () -> "No duplicates in your library".equals(text(stage, "#summary")) ? true : null);
        assertThat(small).doesNotExist();
        assertThat(smallCopy).doesNotExist();
        assertThat(original).exists();
        Path trash = fx.services.trashFolder();
        assertThat(trash.resolve("files/small.jpg")).exists();
        assertThat(trash.resolve("files/small copy.jpg")).exists();
        assertThat(Files.readString(trash.resolve("info/small copy.jpg.trashinfo")))
                .contains("Path=" + smallCopy.toString().replace(" ", "%20") + "\n");
        assertThat(fx.services.library().images().count()).isEqualTo(2);
        assertThat(text(stage, "#message")).isEqualTo("2 files were moved to the trash; 1 photo left the library.");
    }

    private static String text(Stage stage, String selector) {
        return onFx(() -> ((Label) stage.getScene().lookup(selector)).getText());
    }

    /** Every text shown in the window's labels and buttons. */
    private static List<String> texts(Stage stage) {
        return onFx(() -> {
            List<String> found = new java.util.ArrayList<>();
            collect(stage.getScene().getRoot(), found);
            return found;
        });
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled && labeled.getText() != null && node.isVisible()) {
            texts.add(labeled.getText());
        }
        if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
        }
    }

    private static Node button(Stage stage, String text) {
        return onFx(() -> stage.getScene().getRoot().lookupAll(".button").stream()
                .filter(n -> n instanceof Button b && text.equals(b.getText())).findFirst().orElseThrow());
    }

    /** Waits for the FX thread to give a value; the guard only ends a test that would hang. */
    private static <T> T waitFor(String what, java.util.concurrent.Callable<T> value) {
        Object[] found = new Object[1];
        try {
            WaitForAsyncUtils.waitFor(WindowFixture.HANG_GUARD.toSeconds(), TimeUnit.SECONDS, () -> {
                found[0] = onFx(value);
                return found[0] != null;
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Never came: " + what, e);
        }
        @SuppressWarnings("unchecked")
        T result = (T) found[0];
        return result;
    }
}
