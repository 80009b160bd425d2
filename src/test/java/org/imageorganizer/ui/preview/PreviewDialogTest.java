package org.imageorganizer.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.PhotoMetadata;
import org.imageorganizer.ui.DialogTaskQueue;
import org.imageorganizer.ui.FakeImageFiles;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real viewer (FXML, controller, view model) driven by a robot, headless, over fake files of 4000 × 3000 photos. */
@Tag("ui")
class PreviewDialogTest {
    private final FakeImageFiles files = new FakeImageFiles();
    private final FxRobot robot = new FxRobot();
    private final List<ImageRecord> closed = new CopyOnWriteArrayList<>();
    private final ImageRecord a = taken(files.image(1, "a.jpg"));
    private final ImageRecord b = files.image(2, "b.jpg");
    private final ImageRecord c = files.image(3, "c.jpg");
    private Stage stage;

    private static ImageRecord taken(ImageRecord image) {
        return new ImageRecord(image.id(), image.sha256(), image.location(), image.fileName(), image.byteSize(),
                image.width(), image.height(), image.format(), image.importedAt(), image.classification(),
                image.storage(), PhotoMetadata.fromPhoto(LocalDateTime.of(2024, 3, 12, 14, 3), ZoneOffset.ofHours(1),
                "Canon", "Canon EOS R6"));
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            onFx(() -> {
                stage.setFullScreen(false);
                stage.close();
                return null;
            });
        }
    }

    private void open(TaskExecutor executor, ImageRecord first) throws Exception {
        stage = onFx(() -> new PreviewDialog(files, executor).show(null, first, List.of(a, b, c), null, closed::add));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(node("#viewport")); // the viewer has the keyboard
    }

    private Node node(String selector) {
        Node found = stage.getScene().lookup(selector);
        assertThat(found).as(selector).isNotNull();
        return found;
    }

    /**
     * Turns the mouse wheel over the middle of the picture by {@code notches} (positive: away from the user,
     * as JavaFX reports it on X11, checked with xdotool under Xvfb). Not the robot's wheel: Monocle turns it
     * the other way (TestFX issue 658).
     */
    private void wheel(int notches) throws Exception {
        onFx(() -> {
            Node viewport = node("#viewport");
            double x = viewport.getLayoutBounds().getWidth() / 2;
            double y = viewport.getLayoutBounds().getHeight() / 2;
            javafx.geometry.Point2D screen = viewport.localToScreen(x, y);
            javafx.event.Event.fireEvent(viewport, new ScrollEvent(ScrollEvent.SCROLL, x, y, screen.getX(),
                    screen.getY(), false, false, false, false, false, false, 0, 40.0 * notches, 0, 40.0 * notches,
                    ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            return null;
        });
    }

    @Test
    void opensWithinTheScreenAndAt1280By720EveryButtonIsWhole() throws Exception {
        open(new SameThreadTaskExecutor(), a);
        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        assertThat(onFx(stage::isResizable)).isTrue();
        assertThat(screen.contains(onFx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight())))).isTrue();

        Rectangle2D small = PreviewDialog.placement(new Rectangle2D(0, 0, 1280, 720));
        assertThat(new Rectangle2D(0, 0, 1280, 720).contains(small)).isTrue();
        onFx(() -> {
            stage.setWidth(small.getWidth());
            stage.setHeight(small.getHeight());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        double width = onFx(() -> stage.getScene().getWidth());
        double height = onFx(() -> stage.getScene().getHeight());
        assertThat(width).isLessThanOrEqualTo(1280);
        assertThat(height).isLessThanOrEqualTo(720);
        List<Button> buttons = onFx(() -> stage.getScene().getRoot().lookupAll(".button").stream()
                .filter(n -> n instanceof Button && n.isVisible() && n.getParent().isVisible()).map(n -> (Button) n)
                .toList());
        assertThat(buttons).extracting(Button::getText)
                .contains("‹ Previous", "Next ›", "Open", "Show in Folder", "Close", "Fit", "1:1", "Full Screen", "Copy");
        for (Button button : buttons) {
            Bounds inScene = onFx(() -> button.localToScene(button.getBoundsInLocal()));
            assertThat(inScene.getMinX()).as(button.getText()).isGreaterThanOrEqualTo(0);
            assertThat(inScene.getMinY()).as(button.getText()).isGreaterThanOrEqualTo(0);
            assertThat(inScene.getMaxX()).as(button.getText()).isLessThanOrEqualTo(width);
            assertThat(inScene.getMaxY()).as(button.getText()).isLessThanOrEqualTo(height);
            assertThat(onFx(() -> button.getWidth() + 0.5 >= button.prefWidth(-1))).as(button.getText() + " cut").isTrue();
        }
    }

    @Test
    void f11AndEnterToggleFullScreenAndEscapeLeavesItThenCloses() throws Exception {
        open(new SameThreadTaskExecutor(), a);
        Node details = node("#detailsPane");

        robot.type(KeyCode.F11);
        assertThat(onFx(stage::isFullScreen)).isTrue();
        assertThat(onFx(details::isVisible)).isFalse();
        assertThat(onFx(() -> node("#buttonBar").isVisible())).isFalse();

        robot.type(KeyCode.ESCAPE);
        assertThat(onFx(stage::isFullScreen)).isFalse();
        assertThat(onFx(stage::isShowing)).isTrue();
        assertThat(onFx(details::isVisible)).isTrue();

        robot.type(KeyCode.ENTER);
        assertThat(onFx(stage::isFullScreen)).isTrue();
        robot.type(KeyCode.F11);
        assertThat(onFx(stage::isFullScreen)).isFalse();

        robot.type(KeyCode.ESCAPE);
        assertThat(onFx(stage::isShowing)).isFalse();
        assertThat(closed).containsExactly(a);
    }

    @Test
    void zoomKeysOneToOneTheWheelAndADrag() throws Exception {
        open(new SameThreadTaskExecutor(), a);
        ImageView picture = (ImageView) node("#previewImage");
        Label zoomLabel = (Label) node("#zoomLabel");
        assertThat(onFx(zoomLabel::getText)).startsWith("Fit (");
        double fitted = onFx(picture::getFitWidth);
        assertThat(fitted).isLessThan(4000).isGreaterThan(100);

        robot.type(KeyCode.DIGIT0);
        assertThat(onFx(picture::getFitWidth)).isEqualTo(4000); // one photo pixel per screen pixel
        assertThat(onFx(zoomLabel::getText)).isEqualTo("100%");
        robot.type(KeyCode.EQUALS); // the + key
        assertThat(onFx(picture::getFitWidth)).isEqualTo(5000);
        robot.type(KeyCode.MINUS);
        robot.type(KeyCode.MINUS);
        assertThat(onFx(picture::getFitWidth)).isEqualTo(3200);
        robot.type(KeyCode.F);
        assertThat(onFx(picture::getFitWidth)).isEqualTo(fitted);
        assertThat(onFx(zoomLabel::getText)).startsWith("Fit (");

        wheel(2); // two notches away from the user
        double wheeled = onFx(picture::getFitWidth);
        assertThat(wheeled).isCloseTo(fitted * 1.25 * 1.25, org.assertj.core.data.Offset.offset(1.0));
        wheel(-1);
        assertThat(onFx(picture::getFitWidth)).isCloseTo(fitted * 1.25, org.assertj.core.data.Offset.offset(1.0));

        robot.type(KeyCode.DIGIT0);
        double left = onFx(picture::getLayoutX);
        double top = onFx(picture::getLayoutY);
        robot.drag(node("#viewport")).dropBy(120, 60);
        assertThat(onFx(picture::getLayoutX)).isCloseTo(left + 120, org.assertj.core.data.Offset.offset(2.0));
        assertThat(onFx(picture::getLayoutY)).isCloseTo(top + 60, org.assertj.core.data.Offset.offset(2.0));

        robot.doubleClickOn(node("#viewport"));
        assertThat(onFx(picture::getFitWidth)).isEqualTo(fitted);
        robot.clickOn(node("#actualSizeButton"));
        assertThat(onFx(picture::getFitWidth)).isEqualTo(4000);
        robot.clickOn(node("#fitButton"));
        assertThat(onFx(picture::getFitWidth)).isEqualTo(fitted);
    }

    @Test
    void theThumbnailIsShownAtOnceWithASmallProgressIndicatorUntilTheLargePictureComes() throws Exception {
        DialogTaskQueue queue = new DialogTaskQueue();
        open(queue, a);
        ImageView picture = (ImageView) node("#previewImage");
        Node loading = node("#loadingIndicator");
        assertThat(onFx(() -> queue.pending())).isEqualTo(2);

        onFx(() -> {
            queue.runNext();
            return null;
        });
        assertThat(onFx(() -> picture.getImage().getWidth())).isEqualTo(PreviewDialog.QUICK_SIZE);
        assertThat(onFx(picture::isVisible)).isTrue();
        assertThat(onFx(picture::getFitWidth)).isGreaterThan(PreviewDialog.QUICK_SIZE); // drawn at the photo's size
        assertThat(onFx(loading::isVisible)).isTrue();
        assertThat(onFx(() -> loading.getLayoutBounds().getWidth())).isLessThanOrEqualTo(28);

        onFx(() -> {
            queue.runNext();
            return null;
        });
        assertThat(onFx(() -> picture.getImage().getWidth())).isEqualTo(PreviewDialog.PICTURE_SIZE);
        assertThat(onFx(loading::isVisible)).isFalse();
    }

    @Test
    void theDetailsSayWhatWhereWhenWithWhichCameraAndTheFileToCopy() throws Exception {
        open(new SameThreadTaskExecutor(), a);

        List<String> texts = onFx(() -> stage.getScene().getRoot().lookupAll(".label").stream()
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList());
        assertThat(texts).contains("What it shows", "dog · 87%", "Where", "beach · 61%", "Taken", "Camera",
                "Canon EOS R6", "Dimensions", "4000 × 3000 pixels (12.0 MP)", "File size", "2.4 MB")
                .doesNotContain("Shows", "Setting");
        assertThat(onFx(() -> ((Label) node("#takenLabel")).getText())).contains("2024").doesNotContain("file date");
        TextArea path = (TextArea) node("#locationText");
        assertThat(onFx(() -> path.getText())).isEqualTo("/photos/a.jpg");
        assertThat(onFx(path::isEditable)).isFalse();

        robot.clickOn(node("#copyPathButton"));
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("/photos/a.jpg");

        robot.type(KeyCode.RIGHT);
        assertThat(onFx(() -> ((Label) node("#takenLabel")).getText())).isEqualTo("Not recorded in the photo");
    }

    @Test
    void leftAndRightMoveThroughTheGridsPhotosAndThePhotoShownLastIsToldOnClosing() throws Exception {
        open(new SameThreadTaskExecutor(), a);

        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        assertThat(onFx(stage::getTitle)).isEqualTo("c.jpg");
        robot.type(KeyCode.LEFT);
        assertThat(onFx(stage::getTitle)).isEqualTo("b.jpg");

        robot.clickOn(node("#closeButton"));
        assertThat(onFx(stage::isShowing)).isFalse();
        assertThat(closed).containsExactly(b);
    }
}
