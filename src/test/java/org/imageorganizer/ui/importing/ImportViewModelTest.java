package org.imageorganizer.ui.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImportProgress;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.TestDesktopServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports as the window runs them, on the calling thread, into a real library with the tiny model. */
@Tag("model")
@Tag("database")
class ImportViewModelTest {
    @TempDir
    Path home;
    @TempDir
    Path photos;

    private TestDesktopServices services;
    private ImportViewModel imports;
    private final List<ImportSummary> finished = new ArrayList<>();
    private final List<String> statuses = new ArrayList<>();
    private final List<Double> progress = new ArrayList<>();
    private final AtomicInteger progressCalls = new AtomicInteger();

    @BeforeEach
    void setUp() {
        services = new TestDesktopServices(home);
        imports = new ImportViewModel(services::organize, new SameThreadTaskExecutor());
        imports.setOnFinished(finished::add);
        imports.statusProperty().addListener((o, old, now) -> statuses.add(now));
        imports.progressProperty().addListener((o, old, now) -> progress.add(now.doubleValue()));
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    private long libraryCount() {
        return services.library().images().count();
    }

    @Test
    void importsFilesAndReportsProgressStatusAndFailures() {
        TestDesktopServices.photos(photos.resolve("album"), 6);
        Path text = TestDesktopServices.textNamedJpeg(photos.resolve("album"));
        Path truncated = TestDesktopServices.truncatedJpeg(photos.resolve("album/nested"));
        imports.setOnProgress(progressCalls::incrementAndGet);

        imports.start(List.of(photos.resolve("album")));

        assertThat(imports.runningProperty().get()).isFalse();
        assertThat(libraryCount()).isEqualTo(6);
        assertThat(finished).singleElement().satisfies(s -> {
            assertThat(s.imported()).isEqualTo(6);
            assertThat(s.cancelled()).isFalse();
        });
        assertThat(imports.statusProperty().get()).startsWith("Done: 6 added, 2 could not be read (");
        assertThat(statuses).first().isEqualTo("Looking for photos…");
        assertThat(statuses).anyMatch(s -> s.matches("\\d of 8.*"));
        assertThat(progress).first().isEqualTo(-1.0); // indeterminate while looking for files
        assertThat(progress).filteredOn(p -> p >= 0).isNotEmpty().allMatch(p -> p <= 1.0).isSorted();
        assertThat(imports.progressProperty().get()).isEqualTo(1.0);
        assertThat(progressCalls).hasPositiveValue();
        assertThat(imports.failures()).extracting(FileFailure::path)
                .containsExactlyInAnyOrder(text.toAbsolutePath(), truncated.toAbsolutePath());
        assertThat(reasonOf(text)).contains("not an image").contains("text");
        assertThat(reasonOf(truncated)).contains("truncated JPEG");
    }

    private String reasonOf(Path file) {
        return imports.failures().stream().filter(f -> f.path().equals(file.toAbsolutePath())).findFirst().orElseThrow().reason();
    }

    @Test
    void importingTheSameFilesAgainFindsDuplicatesAndListsEachFailureOnce() {
        TestDesktopServices.photos(photos, 4);
        TestDesktopServices.textNamedJpeg(photos);

        imports.start(List.of(photos));
        imports.start(List.of(photos));

        assertThat(libraryCount()).isEqualTo(4);
        assertThat(finished).extracting(ImportSummary::imported).containsExactly(4, 0);
        assertThat(imports.statusProperty().get()).startsWith("Done: 0 added, 4 already in the library, 1 could not be read");
        assertThat(imports.failures()).hasSize(1);
    }

    @Test
    void cancelStopsAfterThePhotosInFlight() {
        TestDesktopServices.photos(photos, 60);
        imports.setOnProgress(() -> {
            if (progressCalls.incrementAndGet() == 1) {
                imports.cancel();
            }
        });

        imports.start(List.of(photos));

        assertThat(finished).singleElement().satisfies(s -> {
            assertThat(s.cancelled()).isTrue();
            assertThat(s.imported()).isLessThan(60);
        });
        assertThat(libraryCount()).isLessThan(60).isEqualTo(finished.get(0).imported());
        assertThat(statuses).contains("Stopping after the photos in flight…");
        // progress updates after the cancel do not hide that the import is stopping
        assertThat(statuses.subList(statuses.indexOf("Stopping after the photos in flight…") + 1, statuses.size()))
                .singleElement().asString().startsWith("Stopped: ");
        assertThat(imports.runningProperty().get()).isFalse();
    }

    @Test
    void cancelWhenNothingRunsChangesNothing() {
        String before = imports.statusProperty().get();

        imports.cancel();

        assertThat(imports.statusProperty().get()).isEqualTo(before);
        assertThat(imports.runningProperty().get()).isFalse();
    }

    @Test
    void withoutAModelTheWindowIsAskedToGetOne() {
        services.withoutModel();
        AtomicInteger asked = new AtomicInteger();
        imports.setOnModelMissing(asked::incrementAndGet);
        TestDesktopServices.photos(photos, 2);

        imports.start(List.of(photos));

        assertThat(asked).hasValue(1);
        assertThat(imports.statusProperty().get()).startsWith("No model yet: ");
        assertThat(imports.runningProperty().get()).isFalse();
        assertThat(imports.progressProperty().get()).isZero();
        assertThat(finished).isEmpty();
        assertThat(libraryCount()).isZero();
    }

    @Test
    void onceTheModelIsThereThePhotosDroppedBeforeAreImported() {
        services.withoutModel();
        imports.setOnModelMissing(() -> {
            services.withModel(); // as the model dialog would
            imports.retryAfterModelSetup();
        });
        TestDesktopServices.photos(photos, 3);

        imports.start(List.of(photos));

        assertThat(libraryCount()).isEqualTo(3);
        assertThat(imports.statusProperty().get()).startsWith("Done: 3 added");
    }

    @Test
    void anyOtherErrorIsReportedInTheStatusLine() {
        services.withPipelineFailure(new IllegalStateException("the library is read-only"));
        AtomicInteger asked = new AtomicInteger();
        imports.setOnModelMissing(asked::incrementAndGet);

        imports.start(List.of(photos));

        assertThat(imports.statusProperty().get())
                .isEqualTo("The import stopped: the library is read-only (details in the log file)");
        assertThat(asked).hasValue(0);
        assertThat(imports.runningProperty().get()).isFalse();
    }

    @Test
    void pathsDroppedWhileAnImportRunsAreImportedAfterIt() {
        TestDesktopServices.photos(photos.resolve("first"), 0, 5);
        TestDesktopServices.photos(photos.resolve("second"), 5, 3);
        TestDesktopServices.photos(photos.resolve("third"), 8, 2);
        List<String> whileRunning = new ArrayList<>();
        imports.setOnProgress(() -> {
            if (progressCalls.incrementAndGet() == 1) {
                imports.start(List.of(photos.resolve("second")));
                imports.start(List.of(photos.resolve("third")));
                whileRunning.add(imports.statusProperty().get());
            }
        });

        imports.start(List.of(photos.resolve("first")));

        assertThat(whileRunning).singleElement().asString().endsWith("  (2 more waiting)").doesNotContain("1 more waiting");
        assertThat(finished).extracting(ImportSummary::imported).containsExactly(5, 5);
        assertThat(services.pipelinesBuilt()).isEqualTo(2);
        assertThat(libraryCount()).isEqualTo(10);
        assertThat(imports.statusProperty().get()).startsWith("Done: 5 added");
    }

    @Test
    void cancelDropsWhatWasWaiting() {
        TestDesktopServices.photos(photos.resolve("first"), 0, 30);
        TestDesktopServices.photos(photos.resolve("second"), 30, 3);
        imports.setOnProgress(() -> {
            if (progressCalls.incrementAndGet() == 1) {
                imports.start(List.of(photos.resolve("second")));
                imports.cancel();
            }
        });

        imports.start(List.of(photos.resolve("first")));

        assertThat(finished).singleElement().satisfies(s -> assertThat(s.cancelled()).isTrue());
        assertThat(services.pipelinesBuilt()).isEqualTo(1);
        assertThat(imports.statusProperty().get()).startsWith("Stopped: ");
    }

    @Test
    void aDropAfterCancelIsImportedOnceTheStoppedImportEnds() {
        TestDesktopServices.photos(photos.resolve("first"), 0, 30);
        TestDesktopServices.photos(photos.resolve("second"), 30, 3);
        imports.setOnProgress(() -> {
            if (progressCalls.incrementAndGet() == 1) {
                imports.cancel();
                imports.start(List.of(photos.resolve("second")));
            }
        });

        imports.start(List.of(photos.resolve("first")));

        assertThat(finished).hasSize(2);
        assertThat(finished.get(0).cancelled()).isTrue();
        assertThat(finished.get(1).imported()).isEqualTo(3);
        assertThat(imports.statusProperty().get()).startsWith("Done: 3 added");
    }

    @Test
    void nothingToImportDoesNothing() {
        imports.start(List.of());

        assertThat(services.pipelinesBuilt()).isZero();
        assertThat(statuses).isEmpty();
    }

    @Test
    void missingPathIsAFailure() {
        Path gone = photos.resolve("gone");

        imports.start(List.of(gone));

        assertThat(Files.exists(gone)).isFalse();
        assertThat(imports.failures()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(gone);
            assertThat(f.reason()).isEqualTo("no such file or folder");
        });
        assertThat(imports.progressProperty().get()).isZero();
        assertThat(imports.statusProperty().get()).startsWith("Done: 0 added, 1 could not be read");
    }

    @Test
    void statusLines() {
        assertThat(ImportViewModel.describe(new ImportProgress(12, 40, 10, 1, 1, "/photos/beach.jpg", 4.0)))
                .isEqualTo("12 of 40 · 4.0 photos/s · 7 s left · beach.jpg");
        assertThat(ImportViewModel.describe(new ImportProgress(0, 0, 0, 0, 0, null, 0))).isEqualTo("0 of 0");
        assertThat(ImportViewModel.describe(new ImportSummary(3, 1, 1, 0, List.of(new FileFailure(Path.of("/x"), "bad")),
                true, Duration.ofSeconds(75)))).isEqualTo("Stopped: 1 added, 1 already in the library, 1 could not be read (1 min 15 s).");
        assertThat(ImportViewModel.formatDuration(Duration.ofSeconds(59))).isEqualTo("59 s");
        assertThat(ImportViewModel.formatDuration(Duration.ofSeconds(3 * 3600 + 5 * 60 + 9))).isEqualTo("3 h 05 min");
        assertThat(ImportViewModel.formatDuration(Duration.ofSeconds(-3))).isEqualTo("0 s");
    }
}
