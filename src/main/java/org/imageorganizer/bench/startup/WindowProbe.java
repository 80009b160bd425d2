package org.imageorganizer.bench.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches the X display (DISPLAY) while the window starts, with {@code xdotool}: when a window the
 * display did not show before the launch first became visible (a splash counts), and when the window
 * with the application's title did, in seconds after the launch. Polls every 25 ms or so (each poll
 * is an {@code xdotool} process). Then reads the window's log for the line it writes once the tree and
 * the first thumbnails are on screen ({@link #SHOWN}), timed by the log's own clock.
 */
public final class WindowProbe {
    /** The main window's title. */
    public static final String TITLE = "AI Image Organizer";
    /** How the window's log line starts once its tree and first thumbnails are on screen (ui.main.DesktopWindow). */
    public static final String SHOWN = "Window showed the tree and ";
    /** The window's log file, in the folder given to it as {@code imageorganizer.logdir}. */
    public static final String LOG_FILE = "image-organizer.log";
    private static final String ANY = ".*";
    /** The time at the start of each line of the product's log ({@code LogFileConfigurator}), in local time. */
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /**
     * @param anything seconds to the first new visible window, NaN if none
     * @param main     seconds to the visible window with the title, NaN if none
     * @param shown    seconds to the tree and first thumbnails, NaN if the log never said so
     */
    public record Result(double anything, double main, double shown) {
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

    /**
     * Polls until the titled window shows, then reads {@code log} until it has the {@link #SHOWN} line;
     * stops when the child exits or {@code timeout} passes.
     */
    public Result watch(Child child, Set<String> before, Path log, Duration timeout) throws IOException, InterruptedException {
        double anything = Double.NaN;
        double main = Double.NaN;
        while (child.isAlive() && child.secondsNow() < timeout.toSeconds()) {
            if (Double.isNaN(anything)) {
                Set<String> now = visibleWindows();
                now.removeAll(before);
                if (!now.isEmpty()) {
                    anything = child.secondsNow();
                }
            }
            if (Double.isNaN(main) && !search("--name", TITLE).isEmpty()) {
                main = child.secondsNow();
            }
            if (!Double.isNaN(main)) {
                Long shown = shownAt(log);
                if (shown != null) {
                    return new Result(Double.isNaN(anything) ? main : anything, main, child.secondsAt(shown));
                }
            }
            Thread.sleep(25);
        }
        return new Result(Double.isNaN(anything) ? main : anything, main, Double.NaN);
    }

    /** When the log says the tree and first thumbnails were on screen, in milliseconds since the epoch; null when it does not (yet). */
    static Long shownAt(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return null;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.contains(SHOWN) && line.length() > 23) {
                try {
                    return LocalDateTime.parse(line.substring(0, 23), LOG_TIME).atZone(ZoneId.systemDefault())
                            .toInstant().toEpochMilli();
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
        return null;
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
