package org.imageorganizer.cli;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The commands' progress bar: images counted, rate per second, elapsed and remaining time. */
final class ConsoleBars {
    private ConsoleBars() {
    }

    static ProgressBar images(PrintStream stream, String taskName) {
        return new ProgressBarBuilder()
                .setTaskName(taskName)
                .setInitialMax(0)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" img", 1)
                .setSpeedUnit(ChronoUnit.SECONDS)
                .showSpeed()
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(stream))
                .continuousUpdate()
                .build();
    }
}
