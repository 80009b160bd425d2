package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.imageorganizer.bench.BenchCommand;
import org.imageorganizer.config.Environment;
import org.imageorganizer.config.Settings;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The benchmark suite runs end to end (tiny model, tiny sizes) and prints every table with its targets. */
@Tag("slow")
@Tag("model")
class BenchCommandTest {
    @TempDir
    Path home;
    @TempDir
    Path photos;

    @Test
    void printsEveryPartWithItsTarget() {
        for (int i = 0; i < 30; i++) {
            TestImages.write(TestImages.picture(i % 3, i, 640 + i, 480), i % 5 == 0 ? "png" : "jpg",
                    photos.resolve("p" + i + (i % 5 == 0 ? ".png" : ".jpg")));
        }
        Environment environment = new Environment(home.resolve("data"), home.resolve("cache"), home.resolve("config"),
                home.resolve("logs"));
        StringWriter out = new StringWriter();
        int code = new CommandLine(new BenchCommand(new BenchWiring(new Core(environment, Map.of(), new PrintWriter(new StringWriter(), true), Settings.defaults()))))
                .setOut(new PrintWriter(out, true))
                .execute("--model-dir", "src/test/resources/models/tiny-clip", "--photos", photos.toString(),
                        "--work", home.resolve("work").toString(), "--ceiling-seconds", "0.3",
                        "--cluster-sizes", "400,1200", "--rest-images", "1500", "--rest-requests", "60",
                        "--rest-warm-up", "20", "--rest-clients", "2", "--rest-uploaders", "3", "--rest-upload-reads", "30",
                        "--only", "ceiling,pipeline,clustering,rest");
        String report = out.toString();
        assertThat(code).as(report).isZero();
        assertThat(report).contains("## Model ceiling").containsPattern("\\| 16 \\| [0-9.]+ \\|");
        assertThat(report).containsPattern("\\| 1 view \\| 30 \\| [0-9.]+ \\|")
                .containsPattern("\\| 3 views \\| 30 \\|").contains("3 views, adaptive").contains("≥ 90%");
        assertThat(report).contains("Adaptive TTA against full TTA on the same 30 photos");
        assertThat(report).containsPattern("\\| clustering \\| 1200 \\| hdbscan").containsPattern("\\| clustering \\| 1200 \\| kmeans");
        assertThat(report).contains("## REST API latency (1500 images, clusters up to date)")
                .containsPattern("\\| GET /clusters/grouped \\| 1 \\| 60 \\| [0-9.]+ KB \\| [0-9.]+ ms \\|.* \\| p99 ≤ 50 ms \\| (yes|NO) \\|")
                .containsPattern("\\| GET /images \\| 2 \\| 60 \\|")
                .containsPattern("\\| GET /images\\?object=object0&offset=\\d+ \\| 1 \\| 60 \\| .* \\| - \\| - \\|")
                .containsPattern("\\| GET /search\\?q=a\\+dog\\+on\\+the\\+beach&limit=50 \\| 2 \\| 60 \\| [0-9.]+ KB \\| .* \\| p99 ≤ 50 ms \\| (yes|NO) \\|");
        assertThat(report).contains("### While 3 clients upload").containsPattern("The library took [0-9.]+ images/s")
                .containsPattern("\\| GET /clusters/grouped \\| 1 \\| 30 \\| .* \\| p99 ≤ 100 ms \\| (yes|NO) \\|")
                .containsPattern("\\| GET /images \\| 1 \\| 30 \\| .* \\| p99 ≤ 100 ms \\| (yes|NO) \\|");
    }

    @Test
    void theSearchPartTimesTheTextEncoderOfEachModelGiven() {
        Environment environment = new Environment(home.resolve("data"), home.resolve("cache"), home.resolve("config"),
                home.resolve("logs"));
        StringWriter out = new StringWriter();
        int code = new CommandLine(new BenchCommand(new BenchWiring(new Core(environment, Map.of(), new PrintWriter(new StringWriter(), true), Settings.defaults()))))
                .setOut(new PrintWriter(out, true))
                .execute("--model-dir", "src/test/resources/models/tiny-clip", "--work", home.resolve("work").toString(),
                        "--search-sizes", "1000", "--search-data", "clustered", "--search-queries", "8", "--only", "search");
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("### clustered, 1,000 photos, exact")
                .contains("### Text encoding of a new query, per variant")
                .containsPattern("\\| PyTorch fp32 \\| [0-9.]+ ms \\| [0-9.]+ ms \\| [0-9.]+ ms \\| [0-9.]+ ms \\| [0-9.]+ ms \\|");
    }

    @Test
    void theStartupPartSaysWhyWhenThereIsNoJarToRun() {
        Environment environment = new Environment(home.resolve("data"), home.resolve("cache"), home.resolve("config"),
                home.resolve("logs"));
        StringWriter out = new StringWriter();
        int code = new CommandLine(new BenchCommand(new BenchWiring(new Core(environment, Map.of(), new PrintWriter(new StringWriter(), true), Settings.defaults()))))
                .setOut(new PrintWriter(out, true))
                .execute("--model-dir", "src/test/resources/models/tiny-clip", "--photos", photos.toString(),
                        "--work", home.resolve("work").toString(), "--jar", home.resolve("missing.jar").toString(),
                        "--only", "startup");
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("## Start-up").contains("skipped: no jar to run");
    }
}
