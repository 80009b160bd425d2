package org.imageorganizer.app;

import java.awt.GraphicsEnvironment;
import java.awt.SplashScreen;

/**
 * The splash image the Java launcher shows before {@code main} (the jar manifest's
 * {@code SplashScreen-Image}, the installers' {@code -splash:} option; see ADR 0027). The window
 * closes it when it shows; a command closes it at once. Where there is no display, or the JVM runs
 * with {@code -Djava.awt.headless=true} (the server launchers), the launcher never showed one and
 * nothing is touched here.
 */
final class StartupSplash {
    /** The splash image inside the jar, as the manifest names it. */
    static final String IMAGE = "org/imageorganizer/ui/icons/splash.png";

    private StartupSplash() {
    }

    /** Closes the splash if the launcher showed one; never fails. */
    static void close() {
        if (GraphicsEnvironment.isHeadless()) {
            return;
        }
        try {
            SplashScreen splash = SplashScreen.getSplashScreen();
            if (splash != null) {
                splash.close();
            }
        } catch (UnsupportedOperationException | IllegalStateException e) { // HeadlessException is one of the first
            // no splash here, or it closed meanwhile
        }
    }
}
