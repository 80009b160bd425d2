package org.imageorganizer.app;

import java.nio.file.Path;
import org.imageorganizer.ui.main.DesktopApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the window on the desktop services, and closes them after it. */
final class DesktopLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopLauncher.class);

    private DesktopLauncher() {
    }

    /** Shows the window and returns its exit code when it is closed. */
    static int run(Core core, Path logFile) throws InterruptedException {
        DesktopWiring services;
        try {
            services = new DesktopWiring(core, logFile);
        } catch (RuntimeException e) {
            LOG.error("The library could not be opened", e);
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        try {
            DesktopApplication.runUntilClosed(services.windowServices());
            return 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.error("The window could not open", e);
            System.err.println("error: the window cannot open here (" + e.getMessage()
                    + "). The commands (organize, serve, …) work without a display; see --help.");
            return 2;
        } finally {
            services.close();
        }
    }
}
