package org.imageorganizer.ui.main;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.imageorganizer.ui.WindowServices;
import org.imageorganizer.ui.FxTaskExecutor;
import org.imageorganizer.ui.theme.AppTheme;
import org.imageorganizer.ui.theme.SystemColorScheme;
import org.imageorganizer.ui.theme.ThemeResolver;

/**
 * Runs the window. It starts the JavaFX toolkit itself ({@link Platform#startup}) instead of
 * through an {@code Application} subclass, so it works from the plain jar on the class path and
 * the window gets its services through constructors. The toolkit may be started first
 * ({@link #startToolkit}), on another thread while the library opens, so the window shows sooner.
 */
public final class DesktopApplication {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private DesktopApplication() {
    }

    /**
     * Starts the JavaFX toolkit without a window (it may be called from any thread, once).
     *
     * @throws IllegalStateException or {@link UnsatisfiedLinkError} when JavaFX cannot start (no display)
     */
    public static void startToolkit() {
        if (STARTED.compareAndSet(false, true)) {
            try {
                Platform.startup(() -> {
                });
            } catch (RuntimeException | Error e) {
                STARTED.set(false);
                throw e;
            }
        }
    }

    /**
     * Shows the main window and returns when it is closed.
     *
     * @throws IllegalStateException or {@link UnsatisfiedLinkError} when JavaFX cannot start (no display)
     */
    public static void runUntilClosed(WindowServices services) throws InterruptedException {
        runUntilClosed(services, () -> {
        });
    }

    /**
     * Shows the main window, runs {@code shown} on the FX thread once it is on screen (the launcher
     * closes its splash), and returns when the window is closed. Starts the toolkit unless
     * {@link #startToolkit} did.
     *
     * @throws IllegalStateException or {@link UnsatisfiedLinkError} when JavaFX cannot start (no display)
     */
    public static void runUntilClosed(WindowServices services, Runnable shown) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        FxTaskExecutor executor = new FxTaskExecutor(3);
        AppTheme theme = new AppTheme(executor, new ThemeResolver(System.getenv(), SystemColorScheme.ofThisComputer()));
        boolean started = false;
        try {
            startToolkit();
            started = true;
            Platform.runLater(() -> {
                theme.install();
                theme.follow(services.settings()); // in the background: the window does not wait for the system's answer
                Stage stage = new Stage();
                DesktopWindow window = new DesktopWindow(services, executor, new StandardDialogs(services, executor, theme));
                stage.setOnHidden(e -> {
                    theme.close();
                    window.close();
                    closed.countDown();
                });
                try {
                    window.show(stage);
                } finally {
                    shown.run();
                }
            });
            closed.await();
        } finally {
            executor.close();
            if (started) {
                Platform.exit(); // only a toolkit that started can be asked to exit: it would wait for the start forever
            }
        }
    }
}
