package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.imageorganizer.cli.ErrorHandler;
import org.imageorganizer.testing.TestImages;
import org.imageorganizer.testing.Unprivileged;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code organize} with the library in a folder the user cannot write, run for real as a user whom
 * permissions stop (as nobody through setpriv when the tests run as root, as CI does).
 */
@Tag("database")
class UnwritableLibraryTest {

    @Test
    void aLibraryInAFolderTheUserCannotWriteIsOneLineSayingSoAndLeavesNothingThere() throws Exception {
        try (Unprivileged as = Unprivileged.start()) {
            Path home = as.folder("home", "rwxrwxrwx");
            Path photos = as.folder("photos", "rwxr-xr-x");
            Files.setPosixFilePermissions(TestImages.write(TestImages.picture(0, 1, 320, 240), "jpg",
                    photos.resolve("a.jpg")), PosixFilePermissions.fromString("rw-r--r--"));
            Path locked = as.folder("locked", as.asNobody() ? "rwxr-xr-x" : "r-xr-xr-x");

            Unprivileged.Result run = as.java(Map.of("IMAGE_ORGANIZER_HOME", home.toString(), "IMAGE_ORGANIZER_OFFLINE", "1"),
                    Main.class.getName(), "organize", photos.toString(), "--db", locked.resolve("library").toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ErrorHandler.USER_ERROR);
            assertThat(run.err()).isEqualTo("error: Cannot open the library " + locked.resolve("library.mv.db")
                    + ": cannot write to " + locked + " (permission denied)." + System.lineSeparator());
            assertThat(run.out()).isEmpty();
            assertThat(Unprivileged.isEmpty(locked)).as("nothing beside the library, no .trace.db").isTrue();
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
