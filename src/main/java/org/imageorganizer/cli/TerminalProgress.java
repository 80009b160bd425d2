package org.imageorganizer.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * The progress bar on a terminal, redrawn in place four times a second:
 * {@code Importing  24% [####                ] 120/500 24.1/s 0:00:15 left  110 new, 7 dup, 3 failed  IMG_2041.jpg}.
 * The bar comes first and keeps its width and place; the file name is shortened to what is left of
 * the terminal's width (and left out when nothing is), and on a narrow terminal the counts are cut
 * too. Messages go on lines of their own above the bar.
 */
final class TerminalProgress implements ProgressDisplay {
    private final Line line;
    private final ProgressBar bar;
    private volatile String detail = "";
    private volatile String currentFile;

    /** @param width the terminal's width in columns, or 0 to ask the terminal (and follow its resizing) */
    TerminalProgress(PrintStream out, String task, int width) {
        this.line = new Line(out, width);
        this.bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(0)
                .setUpdateIntervalMillis(250)
                .setConsumer(line)
                .setRenderer(this::render)
                .continuousUpdate()
                .build();
    }

    @Override
    public void update(long done, long total, String detail, String currentFile) {
        this.detail = detail;
        this.currentFile = currentFile;
        bar.maxHint(total);
        bar.stepTo(done);
    }

    @Override
    public void message(String text) {
        line.above(text);
    }

    @Override
    public void close() {
        bar.close();
    }

    private String render(ProgressState state, int width) {
        Duration elapsed = state.getElapsedAfterStart();
        double seconds = elapsed.toMillis() / 1000.0;
        double rate = seconds > 0 ? (state.getCurrent() - state.getStart()) / seconds : 0;
        return render(state.getTaskName(), state.getCurrent(), state.getMax(), rate, detail, currentFile, width);
    }

    /** Bar columns, whatever the file name's length: a sixth of the terminal, 10 to 30. */
    static int barWidth(int width) {
        return Math.max(10, Math.min(30, width / 6));
    }

    /** One rendering of the line, exactly {@code width} columns (padded with spaces, so a longer earlier line is covered). */
    static String render(String task, long done, long max, double rate, String detail, String file, int width) {
        int barWidth = barWidth(width);
        int filled = max <= 0 ? 0 : (int) Math.min(barWidth, done * barWidth / max);
        String digits = "%" + Math.max(1, String.valueOf(max).length()) + "d";
        String eta = rate > 0 && max > done ? clock((long) ((max - done) / rate)) + " left" : "";
        StringBuilder text = new StringBuilder(width + 16);
        text.append(task).append(' ')
                .append(String.format(Locale.ROOT, "%3d%%", max <= 0 ? 0 : Math.min(100, done * 100 / max)))
                .append(" [").append("#".repeat(filled)).append(" ".repeat(barWidth - filled)).append("] ")
                .append(String.format(Locale.ROOT, digits + "/%d %.1f/s", done, max, rate))
                .append(eta.isEmpty() ? "" : " " + eta);
        if (!detail.isEmpty()) {
            text.append("  ").append(detail);
        }
        if (file != null) {
            int room = width - text.length() - 2;
            if (room >= 8) {
                text.append("  ").append(shorten(fileName(file), room));
            }
        }
        if (text.length() > width) {
            text.setLength(width);
        }
        return text.append(" ".repeat(width - text.length())).toString();
    }

    static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    /** Keeps the end of a long name (its number and extension tell photos apart): {@code ...2024-07-14_IMG_2041.jpg}. */
    static String shorten(String name, int room) {
        return name.length() <= room ? name : "..." + name.substring(name.length() - (room - 3));
    }

    private static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** Writes the bar over itself with a carriage return, and messages on their own lines above it. */
    private static final class Line extends ConsoleProgressBarConsumer {
        private final PrintStream out;
        private String last = "";

        Line(PrintStream out, int width) {
            super(out, width);
            this.out = out;
        }

        @Override
        public synchronized void accept(String rendered) {
            last = rendered;
            out.print('\r');
            out.print(rendered);
            out.flush();
        }

        synchronized void above(String text) {
            out.print('\r');
            out.print(" ".repeat(last.length()));
            out.print('\r');
            out.println(text);
            out.print(last);
            out.flush();
        }

        @Override
        public synchronized void close() {
            super.close();
        }
    }
}
