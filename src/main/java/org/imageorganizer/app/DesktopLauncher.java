package org.imageorganizer.app;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.imageorganizer.ui.main.DesktopApplication;
import org.slf4j.LoggerFactory;

/**
 * Opens the window on the desktop services, and closes them after it. The JavaFX toolkit starts on
 * its own thread while the services are wired, the launcher's splash stays until the window shows
 * (ADR 0027), and the window shows before the library is open: it opens in the window's background
 * tasks (ADR 0031).
 */
final class DesktopLauncher {
    // no static logger: the first one starts the logging (a good part of a second), which the toolkit need not wait for

    private DesktopLauncher() {
    }

    /**
     * Starts the JavaFX toolkit on its own thread, at once: it takes a good part of the window's start,
     * and the rest of the set-up (logging, settings) goes on meanwhile. The one warning JavaFX logs as
     * it starts, that it runs from the class path ("Unsupported JavaFX configuration", which is how
     * this application runs it, ADR 0011), is not logged: it would come while the logging starts on the
     * other thread, and SLF4J would print on standard error that it replays it.
     */
    static CompletableFuture<Void> startToolkit() {
        CompletableFuture<Void> toolkit = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            java.util.logging.Logger javafx = java.util.logging.Logger.getLogger("javafx");
            java.util.logging.Level level = javafx.getLevel();
            javafx.setLevel(java.util.logging.Level.SEVERE);
            try {
                DesktopApplication.startToolkit();
                toolkit.complete(null);
            } catch (RuntimeException | Error e) {
                toolkit.completeExceptionally(e);
            } finally {
                javafx.setLevel(level);
            }
        }, "fx-toolkit-start");
        starter.setDaemon(true);
        starter.start();
        return toolkit;
    }

    /** Shows the window once {@code toolkit} (from {@link #startToolkit()}) has started, and returns its exit code when it is closed. */
    static int run(Core core, Path logFile, CompletableFuture<Void> toolkit) throws InterruptedException {
        DesktopWiring services = new DesktopWiring(core, logFile);
        try {
            awaitToolkit(toolkit);
            DesktopApplication.runUntilClosed(services.windowServices(), StartupSplash::close);
            return 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            StartupSplash.close();
            LoggerFactory.getLogger(DesktopLauncher.class).error("The window could not open", e);
            System.err.println("error: the window cannot open here (" + e.getMessage()
                    + "). The commands (organize, serve, …) work without a display; see --help.");
            return 2;
        } finally {
            services.close();
        }
    }

    /** Waits for the toolkit, throwing what stopped it as the window would have. */
    private static void awaitToolkit(CompletableFuture<Void> toolkit) throws InterruptedException {
        try {
            toolkit.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof UnsatisfiedLinkError u) {
                throw u;
            }
            throw new CompletionException(e.getCause());
        }
    }
}
