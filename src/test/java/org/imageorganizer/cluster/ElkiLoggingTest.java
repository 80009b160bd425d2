package org.imageorganizer.cluster;

import org.imageorganizer.model.ClusterSettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ElkiLoggingTest {
    @Test
    void clusteringPrintsNothingAndLeavesTheRootLoggerAlone() {
        Handler[] before = Logger.getLogger("").getHandlers();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        try {
            System.setOut(capture);
            System.setErr(capture);
            SyntheticBlobs blobs = SyntheticBlobs.generate(2, 3, 30, 5, 16, 0.05);
            new HdbscanClusterer(ClusterSettings.defaults()).cluster(blobs.vectors());
            new KMeansClusterer(0, 5, 1).cluster(blobs.vectors());
            new KMeansClusterer(8, 5, 1).cluster(blobs.vectors());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
        Handler[] after = Logger.getLogger("").getHandlers();
        assertThat(after).containsExactlyInAnyOrder(before);
        assertThat(Arrays.stream(after).map(h -> h.getClass().getName())).noneMatch(n -> n.startsWith("elki."));
    }
}
