package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.ModelManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLIP veto of near-duplicates comes from the library's model's manifest, else the library's record, else the CLIP default. */
class NearDuplicateVetoTest {
    private static final Path TINY = Path.of("src/test/resources/models/tiny-clip").toAbsolutePath();

    private static final OptionalDouble NONE = OptionalDouble.empty();

    @TempDir
    Path home;

    @Test
    void theLibrarysModelNamesItsVetoAndEveryOtherCaseGetsTheDefault() {
        Core core = new Core(CommandRun.home(home), Map.of(), new PrintWriter(new StringWriter()));
        String tiny = ModelFolder.manifest(TINY).modelId();

        assertThat(core.nearDuplicateVeto(Optional.of(tiny), List.of(TINY), NONE)).as("a random-weight model: off").isEqualTo(-1.0);
        assertThat(core.nearDuplicateVeto(Optional.of("another-model"), List.of(TINY), NONE))
                .isEqualTo(ModelManifest.DEFAULT_NEAR_DUPLICATE_MIN_COSINE);
        assertThat(core.nearDuplicateVeto(Optional.empty(), List.of(TINY), NONE))
                .isEqualTo(ModelManifest.DEFAULT_NEAR_DUPLICATE_MIN_COSINE);
        assertThat(core.nearDuplicateVeto(Optional.of(tiny), List.of(), NONE))
                .as("not on this computer").isEqualTo(ModelManifest.DEFAULT_NEAR_DUPLICATE_MIN_COSINE);
    }

    @Test
    void theLibrarysRecordedVetoStandsInForAModelFolderNotFoundAndTheFolderWins() {
        Core core = new Core(CommandRun.home(home), Map.of(), new PrintWriter(new StringWriter()));
        String tiny = ModelFolder.manifest(TINY).modelId();

        assertThat(core.nearDuplicateVeto(Optional.of(tiny), List.of(), OptionalDouble.of(-1)))
                .as("not on this computer: the library's record").isEqualTo(-1.0);
        assertThat(core.nearDuplicateVeto(Optional.of("another-model"), List.of(TINY), OptionalDouble.of(0.7)))
                .isEqualTo(0.7);
        assertThat(core.nearDuplicateVeto(Optional.of(tiny), List.of(TINY), OptionalDouble.of(0.7)))
                .as("the manifest found").isEqualTo(-1.0);
    }
}
