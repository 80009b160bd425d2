package org.imageorganizer.ui;

import java.nio.file.Path;

/** The window's own files in the user's folders. */
public interface DesktopFiles {

    /** The per-user log file, for Help → Open the Log File and the About dialog. */
    Path logFile();

    /** Where the window keeps its size, position and dividers. */
    Path windowStateFile();

    /** Where the Problems panel keeps the files an import refused, across restarts (the per-user data folder). */
    Path problemsFile();
}
