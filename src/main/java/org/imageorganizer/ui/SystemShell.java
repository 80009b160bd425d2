package org.imageorganizer.ui;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Opens files and folders with the desktop's own programs (xdg-open, open, explorer). */
public final class SystemShell {
    private SystemShell() {
    }

    /** Opens a file with its default program. */
    public static void open(Path file) throws IOException {
        run(command(file.toAbsolutePath().toString(), false));
    }

    /** Opens a web address with the default browser. */
    public static void browse(URI address) throws IOException {
        run(command(address.toString(), false));
    }

    /** Shows a file in the file manager (selected where the platform allows). */
    public static void showInFolder(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            run(List.of("explorer.exe", "/select," + absolute));
        } else if (os.contains("mac")) {
            run(List.of("open", "-R", absolute.toString()));
        } else {
            Path folder = Files.isDirectory(absolute) ? absolute : absolute.getParent();
            run(command(folder.toString(), true));
        }
    }

    private static List<String> command(String target, boolean folder) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", target);
        }
        if (os.contains("mac")) {
            return List.of("open", target);
        }
        return List.of("xdg-open", target);
    }

    private static void run(List<String> command) throws IOException {
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
