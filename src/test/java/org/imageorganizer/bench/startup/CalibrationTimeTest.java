package org.imageorganizer.bench.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The calibration's seconds: as printed when the Model line states them, else between the two lines. */
class CalibrationTimeTest {

    @Test
    void theTimeBetweenTheAnnouncementAndTheChoice() {
        List<TimedLine> err = List.of(new TimedLine(1.0, "Choosing the model variant (a few seconds per variant)..."),
                new TimedLine(5.25, "Model: auto: m@onnx-int8 is the fastest with cosine to fp32 >= 0.995 "
                        + "(m 20.1 images/s, cosine to fp32 1.00000; m@onnx-int8 41.0 images/s, cosine to fp32 0.99812)."),
                new TimedLine(9.0, "Importing: 48/48 images"));
        assertThat(CalibrationTime.of(err)).hasValue(4.25);
    }

    @Test
    void secondsStatedOnTheModelLineWin() {
        List<TimedLine> err = List.of(new TimedLine(1.0, "Choosing the model variant (a few seconds per variant)..."),
                new TimedLine(7.0, "Model: auto: m@onnx-int8 is the fastest (calibrated 2 variants in 3.4 s: m 20.1 images/s)."));
        assertThat(CalibrationTime.of(err)).hasValue(3.4);
    }

    @Test
    void noCalibrationWithoutTheLines() {
        assertThat(CalibrationTime.of(List.of(new TimedLine(1.0, "Model: precision fp32 asked for: using m from /x.")))).isEmpty();
        assertThat(CalibrationTime.of(List.of())).isEmpty();
    }
}
