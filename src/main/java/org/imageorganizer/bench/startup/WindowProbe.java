package org.imageorganizer.bench.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches the X display (DISPLAY) while the window starts, with {@code xdotool}: when a window the
 * display did not show before the launch first became visible (a splash counts), and when the window
 * with the application's title did, in seconds after the launch. Polls every 25 ms or so (each poll
 * is an {@code xdotool} process).
 */
public final class WindowProbe {
    /** The main window's title. */
    public static final String TITLE = "AI Image Organizer";
    private static final String ANY = ".*";

    /**
     * @param anything seconds to the first new visible window, NaN if none
     * @param main     seconds to the visible window with the title, NaN if none
     */
    public record Result(double anything, double main) {
    }

    /** Why the window cannot be measured here, or null when it can: a display and xdotool are needed. */
    public static String unavailableReason(String display) {
        if (display == null || display.isBlank()) {
            return "skipped: no display";
        }
        if (!onPath("xdotool")) {
            return "skipped: xdotool is not installed";
        }
        return null;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The visible windows now (ids, by name or class, to catch a splash without a title). */
    public static Set<String> visibleWindows() throws IOException, InterruptedException {
        Set<String> ids = new HashSet<>();
        ids.addAll(search("--name", ANY));
        ids.addAll(search("--class", ANY));
        return ids;
    }

    /** Polls until the titled window shows, the child exits, or {@code timeout} passes. */
    public Result watch(Child child, Set<String> before, Duration timeout) throws IOException, InterruptedException {
        double anything = Double.NaN;
        while (child.isAlive() && child.secondsNow() < timeout.toSeconds()) {
            if (Double.isNaN(anything)) {
                Set<String> now = visibleWindows();
                now.removeAll(before);
                if (!now.isEmpty()) {
                    anything = child.secondsNow();
                }
            }
            if (!search("--name", TITLE).isEmpty()) {
                double main = child.secondsNow();
                return new Result(Double.isNaN(anything) ? main : anything, main);
            }
            Thread.sleep(25);
        }
        return new Result(anything, Double.NaN);
    }

    private static Set<String> search(String by, String pattern) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("xdotool", "search", "--onlyvisible", by, pattern)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        Set<String> ids = new HashSet<>();
        for (String line : new String(out, StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank()) {
                ids.add(line.strip());
            }
        }
        return ids;
    }
}
