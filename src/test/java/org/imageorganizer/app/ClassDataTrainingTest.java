package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.imageorganizer.config.Environment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data training run ({@code cds-training}, ADR 0030): it runs every step in a scratch folder it
 * deletes, never touches the user's folders, prints nothing on stdout, and imports with the model it finds.
 */
class ClassDataTrainingTest {
    private static final Path TINY_MODEL = Path.of("src/test/resources/models/tiny-clip").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void onlyTheCommandLineOfTheTrainingRunIsRunInAScratchFolder() {
        assertThat(ClassDataTraining.wanted(new String[] {"cds-training", "--model-dir", "m"})).isTrue();
        assertThat(ClassDataTraining.wanted(new String[] {"organize", "cds-training"})).isFalse();
        assertThat(ClassDataTraining.wanted(new String[0])).isFalse();
    }

    @Test
    void theRunSeesOnlyTheModelFoldersOfTheUsersEnvironment() throws IOException {
        Environment user = CommandRun.home(temp.resolve("user"));
        Map<String, String> variables = Map.of("IMAGE_ORGANIZER_DB_URL", "jdbc:postgresql://db.example.org/library",
                "CLOUDINARY_URL", "cloudinary://key:secret@cloud", "IMAGE_ORGANIZER_MODEL_DIR", "/models/a");

        assertThat(ClassDataTraining.variables(user, variables))
                .containsOnly(Map.entry("IMAGE_ORGANIZER_OFFLINE", "1"), Map.entry("IMAGE_ORGANIZER_MODEL_DIR", "/models/a"));
        assertThat(ClassDataTraining.variables(user, Map.of())).containsOnlyKeys("IMAGE_ORGANIZER_OFFLINE");

        Path downloaded = Files.createDirectories(user.modelsDir().resolve("clip-int8"));
        Files.writeString(downloaded.resolve("manifest.json"), "{}");
        Files.createDirectories(user.modelsDir().resolve("half-downloaded"));
        assertThat(ClassDataTraining.variables(user, Map.of()))
                .containsEntry("IMAGE_ORGANIZER_MODEL_DIR", downloaded.toAbsolutePath().normalize().toString());
    }

    @Tag("slow")
    @Test
    void withoutAModelItFillsReadsAndServesTheLibraryAndLeavesNothingBehind() throws IOException {
        Environment user = CommandRun.home(temp.resolve("user"));
        AtomicReference<Path> scratchData = new AtomicReference<>();
        AtomicReference<CommandRun> run = new AtomicReference<>();

        int code = ClassDataTraining.inScratchFolder(user, Map.of(), (scratch, variables) -> {
            scratchData.set(scratch.dataDir());
            run.set(CommandRun.of(scratch, variables, "cds-training"));
            assertThat(scratch.dataDir().resolve("library.mv.db")).isRegularFile();
            assertThat(scratch.settingsFile()).isRegularFile();
            return run.get().exitCode();
        });

        assertThat(code).as(run.get().err()).isZero();
        assertThat(run.get().out()).isEmpty();
        assertThat(run.get().err()).contains("Training run done (without a model)");
        assertThat(scratchData.get().getParent()).doesNotExist();
        assertThat(user.dataDir().getParent()).doesNotExist();
    }

    @Tag("slow")
    @Tag("model")
    @Test
    void importsWithTheModelTheUserDownloaded() throws IOException {
        Environment user = CommandRun.home(temp.resolve("user"));
        Files.createDirectories(user.modelsDir());
        Files.createSymbolicLink(user.modelsDir().resolve("tiny-clip"), TINY_MODEL);
        List<Path> before = listing(user.modelsDir().getParent());
        AtomicReference<CommandRun> run = new AtomicReference<>();

        int code = ClassDataTraining.inScratchFolder(user, Map.of(), (scratch, variables) -> {
            run.set(CommandRun.of(scratch, variables, "cds-training"));
            return run.get().exitCode();
        });

        assertThat(code).as(run.get().err()).isZero();
        assertThat(run.get().out()).isEmpty();
        assertThat(run.get().err()).contains("with the model " + user.modelsDir().resolve("tiny-clip"));
        assertThat(listing(user.modelsDir().getParent())).as("the user's cache folder").isEqualTo(before);
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.sorted().toList();
        }
    }
}
