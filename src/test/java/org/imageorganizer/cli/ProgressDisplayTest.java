package org.imageorganizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImportProgress;
import org.junit.jupiter.api.Test;

/** The progress of {@code organize} and {@code sync}: plain lines into logs, a bar of fixed width on a terminal. */
class ProgressDisplayTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static ImportProgress progress(int done, String file) {
        return new ImportProgress(done, 500, done - done / 10, done / 10, 0, file, 24.0);
    }

    @Test
    void withoutATerminalAPlainWholeLineComesEveryFewSecondsAndAtTheEnd() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        try (ProgressReporter reporter = new ProgressReporter(new PlainProgress(stream, "Importing", now::get), true)) {
            for (int done = 1; done <= 120; done++) {
                now.addAndGet(100_000_000L); // a tenth of a second per file: 12 s in all
                reporter.progress(progress(done, "/photos/" + "very-long-name-".repeat(8) + done + ".jpg"));
                if (done == 70) {
                    reporter.failed(new FileFailure(Path.of("/photos/notes.jpg"), "not an image"));
                }
            }
        }

        String text = output();
        assertThat(text).doesNotContain("\r");
        List<String> lines = text.lines().toList();
        assertThat(lines).containsExactly(
                "Importing: 50/500 images, 10.0/s, 45 new, 5 dup, 0 failed",
                "skipped /photos/notes.jpg: not an image",
                "Importing: 100/500 images, 10.0/s, 90 new, 10 dup, 0 failed",
                "Importing: 120/500 images, 10.0/s, 108 new, 12 dup, 0 failed");
    }

    @Test
    void withoutATerminalNothingIsPrintedTwiceAtTheEnd() {
        AtomicLong now = new AtomicLong();
        PlainProgress plain = new PlainProgress(stream, "Uploading", now::get);
        now.set(PlainProgress.INTERVAL_NANOS);
        plain.update(3, 3, "3 sent, 0 there, 0 failed", null);
        plain.close();

        assertThat(output().lines().toList()).containsExactly("Uploading: 3/3 images, 0.6/s, 3 sent, 0 there, 0 failed");
    }

    @Test
    void onATerminalTheBarKeepsItsWidthAndTheFileNameIsShortenedInstead() {
        int width = 120;
        String shortName = TerminalProgress.render("Importing", 120, 500, 24.1, "108 new, 12 dup, 0 failed",
                "/p/a.jpg", width);
        String longName = TerminalProgress.render("Importing", 120, 500, 24.1, "108 new, 12 dup, 0 failed",
                "/p/" + "x".repeat(200) + "_IMG_2041.jpg", width);

        assertThat(shortName).hasSize(width).contains(" a.jpg");
        assertThat(longName).hasSize(width).endsWith("_IMG_2041.jpg").contains("  ...x");
        assertThat(bar(longName)).isEqualTo(bar(shortName)).hasSize(TerminalProgress.barWidth(width) + 2);
        assertThat(bar(shortName)).isEqualTo("[####" + " ".repeat(16) + "]");
        // a narrow terminal: the counts and the name give way, never the bar
        String narrow = TerminalProgress.render("Importing", 120, 500, 24.1, "108 new, 12 dup, 0 failed",
                "/p/a-long-file-name.jpg", 60);
        assertThat(narrow).hasSize(60);
        assertThat(bar(narrow)).hasSize(TerminalProgress.barWidth(60) + 2);
    }

    @Test
    void onATerminalMessagesGetLinesOfTheirOwnAndTheBarIsDrawnAgainBelow() {
        try (ProgressReporter reporter = new ProgressReporter(new TerminalProgress(stream, "Importing", 90), true)) {
            reporter.progress(progress(10, "/photos/a.jpg"));
            reporter.failed(new FileFailure(Path.of("/photos/notes.jpg"), "not an image"));
            reporter.progress(progress(11, "/photos/b.jpg"));
        }

        String text = output();
        List<String> lines = Arrays.asList(text.split("\n"));
        // each line's visible text is what follows its last carriage return
        List<String> visible = lines.stream().map(l -> l.substring(l.lastIndexOf('\r') + 1)).toList();
        assertThat(visible).contains("skipped /photos/notes.jpg: not an image");
        assertThat(visible.get(visible.size() - 1)).startsWith("Importing").contains("11/500");
        for (String drawn : text.split("[\r\n]")) {
            if (drawn.startsWith("Importing")) {
                assertThat(drawn).hasSize(90);
                assertThat(bar(drawn)).hasSize(TerminalProgress.barWidth(90) + 2);
            }
        }
    }

    private static String bar(String line) {
        return line.substring(line.indexOf('['), line.indexOf(']') + 1);
    }
}
