package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.imageorganizer.cli.ErrorHandler;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.testing.CloudinaryStandIn;
import org.imageorganizer.testing.PhotoLibrary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync}'s messages and exit codes, in process. */
@Tag("database")
class SyncCommandTest {
    @TempDir
    Path home;
    private String err;

    private int run(Map<String, String> variables, String... args) {
        CommandRun run = CommandRun.of(CommandRun.home(home), variables, args);
        err = run.err();
        return run.exitCode();
    }

    @Test
    void withoutCloudinaryItSaysHowToConfigureIt() {
        assertThat(run(Map.of(), "sync", "--db", home.resolve("lib.mv.db").toString())).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err).contains("Cloudinary is not configured: set CLOUDINARY_URL=cloudinary://API_KEY:API_SECRET@CLOUD_NAME");
    }

    @Test
    void aMalformedUrlIsNamedWithoutItsSecret() {
        assertThat(run(Map.of("CLOUDINARY_URL", "cloudinary://onlykey-NoSecretHere@cloud"), "sync", "--db",
                home.resolve("lib.mv.db").toString())).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err).contains("CLOUDINARY_URL must look like").contains("environment variable CLOUDINARY_URL");
    }

    @Test
    void syncsAndSaysWhatItDidThenRefusedCredentialsAreExitCode2() {
        Path db = home.resolve("lib.mv.db");
        try (LibraryDatabase library = LibraryDatabase.open(db)) {
            PhotoLibrary.fill(library, home.resolve("photos"), 5);
        }
        try (CloudinaryStandIn standIn = new CloudinaryStandIn()) {
            assertThat(run(Map.of("CLOUDINARY_URL", standIn.cloudinaryUrl()), "sync", "--db", db.toString(),
                    "--concurrency", "2")).as(err).isZero();
            assertThat(err).contains("Syncing to Cloudinary cloud demo (API key ")
                    .contains("5 images needed a copy: 5 uploaded, 0 already in Cloudinary, 0 failed")
                    .doesNotContain(org.imageorganizer.testing.FakeCloudinary.API_SECRET);

            try (LibraryDatabase library = LibraryDatabase.open(db)) {
                PhotoLibrary.fill(library, home.resolve("more"), 5, 1);
            }
            assertThat(run(Map.of("CLOUDINARY_URL", standIn.cloudinaryUrl("a-wrong-secret-value")), "sync", "--db",
                    db.toString())).isEqualTo(ErrorHandler.USER_ERROR);
            assertThat(err).contains("error: Cloudinary refused the credentials in CLOUDINARY_URL (401")
                    .doesNotContain("a-wrong-secret-value");

            assertThat(run(Map.of("CLOUDINARY_URL", standIn.cloudinaryUrl()), "sync", "--db", db.toString(),
                    "--concurrency", "99")).isEqualTo(ErrorHandler.USER_ERROR);
            assertThat(err).contains("--concurrency must be from 1 to 16");
        }
    }
}
