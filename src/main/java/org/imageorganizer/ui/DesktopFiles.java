package org.imageorganizer.ui;

import java.nio.file.Path;

/** The window's own files in the user's folders. */
public interface DesktopFiles {

    /** The per-user log file, for Help → Open the Log File and the About dialog. */
    Path logFile();

    /** Where the window keeps its size, position and dividers. */
    Path windowStateFile();

    /** Where Web Access keeps whether other devices may connect, and their access key (beside the window's state). */
    default Path webAccessFile() {
        return windowStateFile().resolveSibling("web-access.json");
    }
    /** Where the Problems panel keeps the files an import refused, across restarts (the per-user data folder). */
    Path problemsFile();
}
