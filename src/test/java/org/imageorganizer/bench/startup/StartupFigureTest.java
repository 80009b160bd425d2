package org.imageorganizer.bench.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Medians of the runs that gave a figure, judged against targets that may sit on the floor F. */
class StartupFigureTest {

    @Test
    void medianIsTheMiddleRunOrTheMeanOfTheMiddleTwo() {
        assertThat(Medians.of(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Medians.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(Medians.of(List.of())).isNaN();
    }

    @Test
    void runsWithoutAFigureAreLeftOutOfTheMedian() {
        StartupFigure f = new StartupFigure("first commit", List.of(Double.NaN, 2.0, 4.0), StartupTarget.within(2.5), "no trace");
        assertThat(f.measuredRuns()).isEqualTo(2);
        assertThat(f.median()).isEqualTo(3.0);
    }

    @Test
    void aTargetAboveTheFloorAddsItsAllowanceToF() {
        StartupTarget target = StartupTarget.floorPlus(0.5);
        assertThat(target.limit(0.9)).isEqualTo(1.4);
        assertThat(target.describe()).isEqualTo("≤ F + 0.5 s");
        assertThat(new StartupFigure("tree", List.of(1.3, 1.4, 2.0), target, "").verdict(0.9))
                .isEqualTo(StartupFigure.Verdict.MET);
        assertThat(new StartupFigure("tree", List.of(1.3, 1.5, 2.0), target, "").verdict(0.9))
                .isEqualTo(StartupFigure.Verdict.NOT_MET);
    }

    @Test
    void anAbsoluteTargetIgnoresTheFloor() {
        StartupFigure f = new StartupFigure("ready", List.of(3.9), StartupTarget.within(4), "");
        assertThat(f.verdict(Double.NaN)).isEqualTo(StartupFigure.Verdict.MET);
        assertThat(StartupTarget.within(4).describe()).isEqualTo("≤ 4.0 s");
    }

    @Test
    void withoutFiguresOrTargetThereIsNoVerdict() {
        assertThat(StartupFigure.skipped("window", StartupTarget.within(0.5), "skipped: no display").verdict(1.0))
                .isEqualTo(StartupFigure.Verdict.UNKNOWN);
        assertThat(new StartupFigure("ready", List.of(Double.NaN), StartupTarget.within(4), "").verdict(1.0))
                .isEqualTo(StartupFigure.Verdict.UNKNOWN);
        assertThat(new StartupFigure("tree", List.of(1.0), StartupTarget.floorPlus(0.5), "").verdict(Double.NaN))
                .isEqualTo(StartupFigure.Verdict.UNKNOWN);
        assertThat(new StartupFigure("--version", List.of(1.0), null, "").verdict(1.0))
                .isEqualTo(StartupFigure.Verdict.NO_TARGET);
    }
}
