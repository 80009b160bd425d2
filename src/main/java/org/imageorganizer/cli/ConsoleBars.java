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
     * Whether stderr is a terminal someone watches: Java has a console (stdin and stdout are terminals),
     * stderr is one too where the system tells (Linux: what file descriptor 2 points at), and TERM is not "dumb".
     */
    static boolean onTerminal() {
        if (System.console() == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        if (!Files.isSymbolicLink(STDERR_LINK)) {
            return true; // no /proc: the console is all there is to go by
        }
        try {
            String target = Files.readSymbolicLink(STDERR_LINK).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true;
        }
    }
}
