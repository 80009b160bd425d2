package org.imageorganizer.ui.main;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.imageorganizer.ui.WindowServices;
import org.imageorganizer.ui.FxTaskExecutor;

/**
 * Runs the window. It starts the JavaFX toolkit itself ({@link Platform#startup}) instead of
 * through an {@code Application} subclass, so it works from the plain jar on the class path and
 * the window gets its services through constructors.
 */
public final class DesktopApplication {
    private DesktopApplication() {
    }

    /**
     * Shows the main window and returns when it is closed.
     *
     * @throws IllegalStateException or {@link UnsatisfiedLinkError} when JavaFX cannot start (no display)
     */
    public static void runUntilClosed(WindowServices services) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        FxTaskExecutor executor = new FxTaskExecutor(3);
        boolean started = false;
        try {
            Platform.startup(() -> {
                Stage stage = new Stage();
                DesktopWindow window = new DesktopWindow(services, executor, new StandardDialogs(services, executor));
                stage.setOnHidden(e -> {
                    window.close();
                    closed.countDown();
                });
                window.show(stage);
            });
            started = true;
            closed.await();
        } finally {
            executor.close();
            if (started) {
                Platform.exit(); // only a toolkit that started can be asked to exit: it would wait for the start forever
            }
        }
    }
}
