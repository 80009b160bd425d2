package org.imageorganizer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The commands' progress display: a bar on a terminal, plain lines every few seconds elsewhere (logs, pipes). */
final class ConsoleBars {
    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private ConsoleBars() {
    }

    /** Progress of {@code taskName} ("Importing", "Uploading") over images, on {@code stream} (stderr). */
    static ProgressDisplay images(PrintStream stream, String taskName) {
        return onTerminal()
                ? new TerminalProgress(stream, taskName, 0)
                : new PlainProgress(stream, taskName, System::nanoTime);
    }

    /**
     * Whether stderr is a terminal someone watches: where the system tells (Linux: what file descriptor 2
     * points at), that decides, so {@code organize … > tree.txt} still shows the bar; elsewhere Java's
     * console (stdin and stdout are terminals). Never with TERM=dumb.
     */
    static boolean onTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        if (!Files.isSymbolicLink(STDERR_LINK)) {
            return System.console() != null;
        }
        try {
            String target = Files.readSymbolicLink(STDERR_LINK).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
