package org.imageorganizer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.imageorganizer.model.ImageRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real Remove from Library question, shown and answered by a robot, headless. */
@Tag("ui")
class RemovalQuestionDialogTest {
    private final FakeImageFiles files = new FakeImageFiles();
    private final FxRobot robot = new FxRobot();
    private final List<ImageRecord> three = List.of(files.image(1, "IMG_0012.jpg"), files.image(2, "b.jpg"),
            files.image(3, "c.jpg"));

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    private CompletableFuture<Boolean> ask(List<ImageRecord> images) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(RemovalQuestion.ask(null, images)));
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    private DialogPane shownQuestion() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot()).findFirst().orElseThrow()).get(30, TimeUnit.SECONDS);
    }

    @Test
    void namesTheCountAndThePhotosAndEnterKeepsThem() throws Exception {
        CompletableFuture<Boolean> answer = ask(three);
        DialogPane question = shownQuestion();

        assertThat(question.getHeaderText()).isEqualTo("Remove 3 photos from the library?");
        assertThat(robot.lookup(".removed-photos").queryListView().getItems())
                .containsExactly("IMG_0012.jpg", "b.jpg", "c.jpg");
        Button cancel = robot.lookup(".button").match((Button b) -> "Cancel".equals(b.getText())).query();
        Button remove = robot.lookup(".button").match((Button b) -> "Remove 3 Photos".equals(b.getText())).query();
        assertThat(cancel.isDefaultButton()).isTrue();
        assertThat(remove.isDefaultButton()).isFalse();

        robot.type(KeyCode.ENTER);

        assertThat(answer.get(30, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void onePhotoIsNamedByItsFileAndTheRemoveButtonRemoves() throws Exception {
        CompletableFuture<Boolean> answer = ask(three.subList(0, 1));
        DialogPane question = shownQuestion();

        assertThat(question.getHeaderText()).isEqualTo("Remove “IMG_0012.jpg” from the library?");
        assertThat(robot.lookup(".removed-photos").tryQuery()).isEmpty();
        robot.clickOn(robot.lookup(".button").match((Button b) -> "Remove from Library".equals(b.getText())).queryButton());

        assertThat(answer.get(30, TimeUnit.SECONDS)).isTrue();
    }
}
