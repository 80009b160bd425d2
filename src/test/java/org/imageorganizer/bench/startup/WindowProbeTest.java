package org.imageorganizer.bench.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's "tree and first thumbnails" line, read from its log by the log's own clock. */
class WindowProbeTest {
    @TempDir
    Path dir;

    @Test
    void theShownLineGivesItsLocalTime() throws IOException {
        Path log = Files.writeString(dir.resolve(WindowProbe.LOG_FILE), """
                2026-12-07 02:00:22.124 WARN  [fx-toolkit-start] javafx - Unsupported JavaFX configuration
                2026-12-07 02:00:25.164 INFO  [ui-task-1] o.imageorganizer.app.DesktopWiring - Library opened in 1924 ms
                2026-12-07 02:00:26.421 INFO  [JavaFX Application Thread] o.i.ui.main.DesktopWindow - Window showed the tree and 20 thumbnails
                """);

        assertThat(WindowProbe.shownAt(log)).isEqualTo(LocalDateTime.of(2026, 12, 7, 2, 0, 26, 421_000_000)
                .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
    }

    @Test
    void noLineOrNoLogIsNotYet() throws IOException {
        Path log = Files.writeString(dir.resolve(WindowProbe.LOG_FILE),
                "2026-12-07 02:00:25.164 INFO  [ui-task-1] o.imageorganizer.app.DesktopWiring - Library opened in 1924 ms\n");

        assertThat(WindowProbe.shownAt(log)).isNull();
        assertThat(WindowProbe.shownAt(dir.resolve("missing.log"))).isNull();
    }
}
