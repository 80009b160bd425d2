package org.imageorganizer.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.imageorganizer.trash.DesktopTrash;
import org.imageorganizer.trash.FreedesktopTrash;
import org.imageorganizer.trash.Trash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This computer's trash (ADR 0038): the freedesktop.org Trash on Linux and the other Unix desktops (the
 * JDK has none there), {@code Desktop.moveToTrash} on macOS and Windows; none when neither can be had,
 * and then Move to Trash is not offered. May start AWT's desktop support: call it off the FX thread.
 */
final class SystemTrash {
    private static final Logger LOG = LoggerFactory.getLogger(SystemTrash.class);

    private SystemTrash() {
    }

    /** $HOME as the desktop's own trash programs read it (gio, KDE), else Java's user.home (from the password entry). */
    static Path home(String homeVariable, String userHome) {
        if (homeVariable != null && !homeVariable.isBlank() && Path.of(homeVariable).isAbsolute()) {
            return Path.of(homeVariable);
        }
        return Path.of(userHome);
    }

    static Optional<Trash> find() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            if (DesktopTrash.supported()) {
                return Optional.of(new DesktopTrash());
            }
            LOG.info("This system offers no trash to Java: Move to Trash is not offered");
            return Optional.empty();
        }
        try {
            return Optional.of(FreedesktopTrash.forCurrentUser(System.getenv(), home(System.getenv().get("HOME"),
                    System.getProperty("user.home"))));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            LOG.info("No trash folder for this user ({}): Move to Trash is not offered", e.toString());
            return Optional.empty();
        }
    }
}
