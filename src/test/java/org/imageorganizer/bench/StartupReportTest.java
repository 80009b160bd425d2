package org.imageorganizer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imageorganizer.bench.startup.StartupFigure;
import org.imageorganizer.bench.startup.StartupTarget;
import org.junit.jupiter.api.Test;

/** The start-up part's lines and table: median, target (with F resolved), met or not, or why there is no figure. */
class StartupReportTest {

    @Test
    void eachLineSaysTheMedianTheTargetAndWhetherItIsMet() {
        assertThat(BenchReport.startupLine(new StartupFigure("tree", List.of(1.2, 1.6, 1.3), StartupTarget.floorPlus(0.5), ""), 0.9))
                .isEqualTo("1.30 s (median of 3 runs), target ≤ F + 0.5 s = 1.40 s: met");
        assertThat(BenchReport.startupLine(new StartupFigure("ready", List.of(5.0), StartupTarget.within(4), ""), 0.9))
                .isEqualTo("5.00 s (1 run), target ≤ 4.0 s: NOT met");
        assertThat(BenchReport.startupLine(new StartupFigure("--version", List.of(0.9, 1.0, 0.8), null, ""), 0.9))
                .isEqualTo("0.90 s (median of 3 runs)");
    }

    @Test
    void missingFiguresSayWhy() {
        assertThat(BenchReport.startupLine(new StartupFigure("first", List.of(2.0, Double.NaN), StartupTarget.within(2.5),
                "no commit seen"), 0.9)).isEqualTo("2.00 s (1 run; 1 without a figure: no commit seen), target ≤ 2.5 s: met");
        assertThat(BenchReport.startupLine(new StartupFigure("first", List.of(Double.NaN), StartupTarget.within(2.5),
                "no commit seen"), 0.9)).isEqualTo("no figure in 1 runs (no commit seen), target ≤ 2.5 s");
        assertThat(BenchReport.startupLine(StartupFigure.skipped("window", StartupTarget.within(0.5), "skipped: no display"), 0.9))
                .isEqualTo("skipped: no display, target ≤ 0.5 s");
    }

    @Test
    void theTableHasARowPerFigure() {
        StringWriter text = new StringWriter();
        new BenchReport(new PrintWriter(text)).startup(new StartupBench.Result(Path.of("app.jar"), 3, 0.9, List.of(
                new StartupFigure("`--version` (the floor F)", List.of(0.9, 0.9, 0.9), null, ""),
                new StartupFigure("`tree`", List.of(1.3, 1.3, 1.3), StartupTarget.floorPlus(0.5), ""),
                StartupFigure.skipped("window: main window", StartupTarget.within(2.5), "skipped: no display"))));
        assertThat(text.toString()).contains("## Start-up (whole processes of app.jar, median of 3 runs; F = `--version` = 0.90 s)")
                .contains("| `tree` | 3 | 1.30 s | ≤ F + 0.5 s | 1.40 s | met |")
                .contains("| window: main window | 0 | - | ≤ 2.5 s | 2.50 s | skipped: no display |")
                .contains("| `--version` (the floor F) | 3 | 0.90 s | - | - | - |")
                .doesNotContain("class-data");
    }

    @Test
    void theFiguresWithTheClassDataArchiveStandBesideThePlainOnesEachAgainstItsOwnFloor() {
        StringWriter text = new StringWriter();
        StartupBench.Result archive = new StartupBench.Result(Path.of("app.jar"), 2, 0.5, List.of(
                new StartupFigure("`--version` (the floor F)", List.of(0.5, 0.5), null, ""),
                new StartupFigure("`tree`", List.of(1.1, 0.9), StartupTarget.floorPlus(0.5), ""),
                StartupFigure.skipped("window", StartupTarget.within(2.5), "skipped: no display")));
        new BenchReport(new PrintWriter(text)).startup(new StartupBench.Result(Path.of("app.jar"), 3, 0.9, List.of(
                new StartupFigure("`--version` (the floor F)", List.of(0.9, 0.9, 0.9), null, ""),
                new StartupFigure("`tree`", List.of(1.5, 1.5, 1.5), StartupTarget.floorPlus(0.5), ""),
                StartupFigure.skipped("window", StartupTarget.within(2.5), "skipped: no display")), Optional.of(archive)));
        assertThat(text.toString()).contains("### Start-up with a class-data-sharing archive (ADR 0030; median of 2 runs; F = 0.50 s)")
                .contains("| `--version` (the floor F) | 0.90 s | 0.50 s | -44% | - | - | - |")
                .contains("| `tree` | 1.50 s | 1.00 s | -33% | ≤ F + 0.5 s | NOT met | met |")
                .contains("| window | - | - | - | ≤ 2.5 s | skipped: no display | ″ |");
        assertThat(StartupBench.archiveRuns(3)).isEqualTo(2);
        assertThat(StartupBench.archiveRuns(1)).isEqualTo(1);
    }
}
