package org.imageorganizer.ui.find;

import java.time.Duration;
import javafx.animation.PauseTransition;
import org.imageorganizer.ui.TaskExecutor;

/** {@link UiDelay} on the JavaFX animation timer (FX thread). */
public final class FxUiDelay implements UiDelay {
    @Override
    public TaskExecutor.Cancellable after(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> action.run());
        pause.play();
        return pause::stop;
    }
}
