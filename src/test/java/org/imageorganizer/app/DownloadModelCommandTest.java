package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.imageorganizer.cli.CommandFactory;
import org.imageorganizer.cli.ErrorHandler;
import org.imageorganizer.cli.RootCommand;
import org.imageorganizer.config.Environment;
import org.imageorganizer.ml.download.ModelSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code download-model} through the real command line, offline (no test reaches the network). */
class DownloadModelCommandTest {
    private static final Map<String, String> OFFLINE = Map.of(ModelLocator.OFFLINE_VARIABLE, "1");

    @TempDir
    Path home;
    private String out;
    private String err;

    private Environment environment() {
        return new Environment(home.resolve("data"), home.resolve("cache"), home.resolve("config"), home.resolve("logs"));
    }

    private int run(String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        PrintWriter errWriter = new PrintWriter(errText, true);
        int code = new CommandLine(new RootCommand(), new CommandFactory(new AppServices(environment(), OFFLINE, errWriter)))
                .setExecutionExceptionHandler(new ErrorHandler(home.resolve("logs/image-organizer.log")))
                .setOut(new PrintWriter(outText, true))
                .setErr(errWriter)
                .execute(args);
        out = outText.toString();
        err = errText.toString();
        return code;
    }

    @Test
    void withNothingToDownloadItSaysWhyInOneLineAndExits2() {
        assertThat(run("download-model")).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err).startsWith("error: ").contains("IMAGE_ORGANIZER_OFFLINE forbids downloading it")
                .doesNotContain("Exception");
    }

    @Test
    @org.junit.jupiter.api.Tag("model")
    void aVariantAlreadyInTheCacheIsListedWithItsFolder() throws IOException {
        Path target = environment().modelsDir().resolve(ModelSources.CLIP_VIT_BASE_PATCH32_ONNX_INT8);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/models/tiny-clip-onnx-int8"))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }

        assertThat(run("download-model", "--precision", "int8")).isZero();
        assertThat(out.strip()).isEqualTo("tiny-clip-test-1@onnx-int8\t" + target.toAbsolutePath().normalize());
        assertThat(run("download-model", "--precision", "bf16")).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err).contains("No bf16 variant of the CLIP model is published for download");
    }
}
