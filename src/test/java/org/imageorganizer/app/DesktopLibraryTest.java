package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imageorganizer.config.ConfigurationSources;
import org.imageorganizer.config.Environment;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.services.LibraryQueries;
import org.imageorganizer.services.StoredImageFiles;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's library: read early through JDBC while the full library opens behind, or opened fully when it must be. */
@Tag("model")
@Tag("database")
class DesktopLibraryTest {
    private static final String MODEL = Path.of("src/test/resources/models/tiny-clip").toAbsolutePath().toString();

    @TempDir
    Path home;
    @TempDir
    Path photos;

    private Core core;
    /** What the library would open in the background, held until the test runs it. */
    private final List<Runnable> behind = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Environment environment = new Environment(home.resolve("data"), home.resolve("cache"), home.resolve("config"),
                home.resolve("logs"));
        core = new Core(environment, Map.of(ConfigurationSources.MODEL_DIR_VARIABLE, MODEL), new PrintWriter(new StringWriter(), true));
    }

    private DesktopLibrary library() {
        return new DesktopLibrary(core, Duration.ofMillis(100), new StoredImageFiles(core.localStorage(), core.thumbnails()),
                () -> { }, behind::add);
    }

    @Test
    void anExistingLibraryIsReadThroughJdbcWhileTheFullLibraryOpensBehindThenTheFullOneAnswers() {
        try (DesktopWiring first = new DesktopWiring(core, home.resolve("logs/log"))) { // a library of 3 photos, then closed
            for (int i = 0; i < 3; i++) {
                TestImages.write(TestImages.picture(i, i, 120, 100), "jpg", photos.resolve("p" + i + ".jpg"));
            }
            first.windowServices().imports().organize(List.of(photos), ImportListener.NONE, () -> false);
        }

        try (DesktopLibrary library = library()) {
            LibraryQueries queries = library.queries();

            assertThat(queries.groupMembership().values().stream().mapToInt(List::size).sum()).isEqualTo(3);
            assertThat(queries.tree().objects()).isNotEmpty();
            assertThat(library.clustererIfOpen()).as("read before the full library is open").isNull();
            assertThat(behind).as("its opening is under way behind").hasSize(1);

            behind.remove(0).run();

            assertThat(library.clustererIfOpen()).isNotNull();
            assertThat(queries.count()).isEqualTo(3);
        }
    }

    @Test
    void aNewLibraryIsOpenedFullyAtTheFirstRead() {
        try (DesktopLibrary library = library()) {
            assertThat(library.queries().count()).isZero();

            assertThat(library.clustererIfOpen()).isNotNull();
            assertThat(behind).isEmpty();
            assertThat(home.resolve("data/library.mv.db")).exists();
        }
    }
}
