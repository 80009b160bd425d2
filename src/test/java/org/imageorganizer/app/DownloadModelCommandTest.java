package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.imageorganizer.cli.ErrorHandler;
import org.imageorganizer.config.Environment;
import org.imageorganizer.ml.download.ModelSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code download-model} through the real command line, offline (no test reaches the network). */
class DownloadModelCommandTest {
    private static final Map<String, String> OFFLINE = Map.of(ModelLocator.OFFLINE_VARIABLE, "1");

    @TempDir
    Path home;
    private String out;
    private String err;

    private Environment environment() {
        return CommandRun.home(home);
    }

    private int run(String... args) {
        CommandRun run = CommandRun.of(environment(), OFFLINE, args);
        out = run.out();
        err = run.err();
        return run.exitCode();
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
