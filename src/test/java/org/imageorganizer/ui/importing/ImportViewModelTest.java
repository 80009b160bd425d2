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
import org.imageorganizer.ui.FakeFolderImport;
import org.imageorganizer.ui.FakeLibrary;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports as the window runs them, on the calling thread, over a folder import in memory. The
 * reasons files cannot be read are the decoder's (its tests, and MainWindowTest end to end, read
 * real files); here they must reach the window as the import gave them.
 */
class ImportViewModelTest {
    private static final String TEXT_REASON = "not an image (the file contains text)";
    private static final String TRUNCATED_REASON = "truncated JPEG (file ends before the image data does)";

    /** Where the files are said to be: nothing is written there. */
    @TempDir
    Path photos;

    private final FakeLibrary library = new FakeLibrary();
    private final FakeFolderImport folders = new FakeFolderImport(library);
    private ImportViewModel imports;
    private final List<ImportSummary> finished = new ArrayList<>();
    private final List<String> statuses = new ArrayList<>();
    private final List<Double> progress = new ArrayList<>();
    private final AtomicInteger progressCalls = new AtomicInteger();

    @BeforeEach
    void setUp() {
        imports = new ImportViewModel(folders, new SameThreadTaskExecutor());
        imports.setOnFinished(finished::add);
        imports.statusProperty().addListener((o, old, now) -> statuses.add(now));
        imports.progressProperty().addListener((o, old, now) -> progress.add(now.doubleValue()));
    }

    private long libraryCount() {
        return library.count();
    }

    @Test
    void whatIsDroppedWhileTheLibraryOpensWaitsAndIsImportedOnceItIsOpen() {
        javafx.beans.property.BooleanProperty opening = new javafx.beans.property.SimpleBooleanProperty(true);
        imports.waitForLibrary(opening);
        folders.photos(photos.resolve("a"), 2);
        folders.photos(photos.resolve("b"), 3);

        imports.start(List.of(photos.resolve("a")));
        imports.start(List.of(photos.resolve("b")));

        assertThat(folders.runs()).as("nothing runs while the library opens").isZero();
        assertThat(imports.runningProperty().get()).isFalse();
        assertThat(imports.statusProperty().get()).isEqualTo(ImportViewModel.WAITING_FOR_LIBRARY);

        opening.set(false);

        assertThat(folders.runs()).as("both drops in one import").isEqualTo(1);
        assertThat(libraryCount()).isEqualTo(5);
        assertThat(finished).singleElement().satisfies(s -> assertThat(s.imported()).isEqualTo(5));
        imports.start(List.of(photos.resolve("a")));
        assertThat(folders.runs()).as("once open, a drop starts at once").isEqualTo(2);
    }

    @Test
    void importsFilesAndReportsProgressStatusAndFailures() {
        folders.photos(photos.resolve("album"), 6);
        Path text = folders.unreadable(photos.resolve("album/notes.jpg"), TEXT_REASON);
        Path truncated = folders.unreadable(photos.resolve("album/nested/cut-off.jpg"), TRUNCATED_REASON);
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
        assertThat(reasonOf(text)).contains("not an image").contains("text").isEqualTo(TEXT_REASON);
        assertThat(reasonOf(truncated)).contains("truncated JPEG").isEqualTo(TRUNCATED_REASON);
    }

    private String reasonOf(Path file) {
        return imports.failures().stream().filter(f -> f.path().equals(file.toAbsolutePath())).findFirst().orElseThrow().reason();
    }

    @Test
    void importingTheSameFilesAgainFindsDuplicatesAndListsEachFailureOnce() {
        folders.photos(photos, 4);
        folders.unreadable(photos.resolve("notes.jpg"), TEXT_REASON);

        imports.start(List.of(photos));
        imports.start(List.of(photos));

        assertThat(libraryCount()).isEqualTo(4);
        assertThat(finished).extracting(ImportSummary::imported).containsExactly(4, 0);
        assertThat(imports.statusProperty().get()).startsWith("Done: 0 added, 4 already in the library, 1 could not be read");
        assertThat(imports.failures()).hasSize(1);
    }

    @Test
    void cancelStopsAfterThePhotosInFlight() {
        folders.photos(photos, 60);
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
        folders.withoutModel();
        AtomicInteger asked = new AtomicInteger();
        imports.setOnModelMissing(asked::incrementAndGet);
        folders.photos(photos, 2);

        imports.start(List.of(photos));

        assertThat(asked).hasValue(1);
        assertThat(imports.statusProperty().get()).isEqualTo("1 folder waits for the recognition model: they are sorted once it is set up.");
        assertThat(imports.withoutModelProperty().get()).isTrue();
        assertThat(imports.runningProperty().get()).isFalse();
        assertThat(imports.progressProperty().get()).isZero();
        assertThat(finished).isEmpty();
        assertThat(libraryCount()).isZero();
    }

    @Test
    void onceTheModelIsThereThePhotosDroppedBeforeAreImported() {
        folders.withoutModel();
        imports.setOnModelMissing(() -> {
            folders.withModel(); // as the model dialog would
            imports.modelArrived();
        });
        folders.photos(photos, 3);

        imports.start(List.of(photos));

        assertThat(libraryCount()).isEqualTo(3);
        assertThat(imports.statusProperty().get()).startsWith("Done: 3 added");
    }

    @Test
    void withoutAModelWhatIsDroppedWaitsAndIsImportedWhenTheModelArrives() throws Exception {
        folders.withoutModel();
        folders.photos(photos.resolve("a"), 0, 2);
        folders.photos(photos.resolve("b"), 2, 3);
        Path single = folders.photos(photos.resolve("s"), 5, 1).get(0);
        Files.createDirectories(photos.resolve("a")); // dropped folders are folders on disk
        Files.createDirectories(photos.resolve("b"));
        imports.modelMissing();
        assertThat(imports.statusProperty().get()).isEqualTo(ImportViewModel.NO_MODEL);

        imports.start(List.of(photos.resolve("a")));
        imports.start(List.of(photos.resolve("b"), single));
        imports.start(List.of(photos.resolve("a"))); // the same folder again is one folder

        assertThat(imports.runningProperty().get()).isFalse();
        assertThat(finished).isEmpty();
        assertThat(libraryCount()).isZero();
        // "Later" throws nothing away: the window says what waits
        assertThat(imports.statusProperty().get()).isEqualTo("1 photo and 2 folders wait for the recognition model:"
                + " they are sorted once it is set up.");
        assertThat(imports.withoutModelProperty().get()).isTrue();

        folders.withModel();
        imports.modelArrived();

        assertThat(imports.withoutModelProperty().get()).isFalse();
        assertThat(libraryCount()).isEqualTo(6);
        assertThat(folders.runs()).isEqualTo(1); // one import of all that waited
        assertThat(imports.statusProperty().get()).startsWith("Done: 6 added");
    }

    @Test
    void aModelThatArrivesWithNothingWaitingSaysItIsReady() {
        imports.modelMissing();

        imports.modelArrived();

        assertThat(imports.statusProperty().get()).isEqualTo(ImportViewModel.READY);
        assertThat(imports.runningProperty().get()).isFalse();
    }

    @Test
    void theSetUpButtonAsksTheWindowForTheModel() {
        AtomicInteger asked = new AtomicInteger();
        imports.setOnModelMissing(asked::incrementAndGet);

        imports.askForModel();

        assertThat(asked).hasValue(1);
    }

    @Test
    void anyOtherErrorIsReportedInTheStatusLine() {
        folders.withFailure(new IllegalStateException("the library is read-only"));
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
        folders.photos(photos.resolve("first"), 0, 5);
        folders.photos(photos.resolve("second"), 5, 3);
        folders.photos(photos.resolve("third"), 8, 2);
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
        assertThat(folders.runs()).isEqualTo(2);
        assertThat(libraryCount()).isEqualTo(10);
        assertThat(imports.statusProperty().get()).startsWith("Done: 5 added");
    }

    @Test
    void cancelDropsWhatWasWaiting() {
        folders.photos(photos.resolve("first"), 0, 30);
        folders.photos(photos.resolve("second"), 30, 3);
        imports.setOnProgress(() -> {
            if (progressCalls.incrementAndGet() == 1) {
                imports.start(List.of(photos.resolve("second")));
                imports.cancel();
            }
        });

        imports.start(List.of(photos.resolve("first")));

        assertThat(finished).singleElement().satisfies(s -> assertThat(s.cancelled()).isTrue());
        assertThat(folders.runs()).isEqualTo(1);
        assertThat(imports.statusProperty().get()).startsWith("Stopped: ");
    }

    @Test
    void aDropAfterCancelIsImportedOnceTheStoppedImportEnds() {
        folders.photos(photos.resolve("first"), 0, 30);
        folders.photos(photos.resolve("second"), 30, 3);
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

        assertThat(folders.runs()).isZero();
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
    void theFirstImportSaysTheModelIsLoadingInsteadOfNoneDone() {
        folders.photos(photos, 5);
        folders.withModelNotYetLoaded();

        imports.start(List.of(photos));

        assertThat(statuses).containsSubsequence("Looking for photos…", "Loading the recognition model… · 5 photos found");
        assertThat(statuses).filteredOn(s -> s.startsWith("Loading")).hasSize(1);
        int loaded = statuses.lastIndexOf("Loading the recognition model… · 5 photos found");
        assertThat(statuses.get(loaded + 1)).as("once the model is ready, the count").startsWith("0 of 5");
        assertThat(statuses.subList(loaded + 1, statuses.size())).noneMatch(s -> s.startsWith("Loading"))
                .anyMatch(s -> s.matches("\\d of 5.*"));
        assertThat(imports.statusProperty().get()).startsWith("Done: 5 added");

        statuses.clear();
        imports.start(List.of(photos)); // the model stays loaded: no loading line the second time
        assertThat(statuses).noneMatch(s -> s.startsWith("Loading"));
    }

    @Test
    void statusLines() {
        assertThat(ImportViewModel.describe(new ImportProgress(12, 40, 10, 1, 1, "/photos/beach.jpg", 4.0)))
                .isEqualTo("12 of 40 · 4.0 photos/s · 7 s left · beach.jpg");
        assertThat(ImportViewModel.describeLoading(new ImportProgress(0, 91, 0, 0, 0, null, 0)))
                .isEqualTo("Loading the recognition model… · 91 photos found");
        assertThat(ImportViewModel.describeLoading(new ImportProgress(0, 0, 0, 0, 0, null, 0)))
                .isEqualTo("Loading the recognition model…");
        assertThat(ImportViewModel.describe(new ImportProgress(0, 0, 0, 0, 0, null, 0))).isEqualTo("0 of 0");
        assertThat(ImportViewModel.describe(new ImportSummary(3, 1, 1, 0, List.of(new FileFailure(Path.of("/x"), "bad")),
                true, Duration.ofSeconds(75)))).isEqualTo("Stopped: 1 added, 1 already in the library, 1 could not be read (1 min 15 s).");
        assertThat(ImportViewModel.formatDuration(Duration.ofSeconds(59))).isEqualTo("59 s");
        assertThat(ImportViewModel.formatDuration(Duration.ofSeconds(3 * 3600 + 5 * 60 + 9))).isEqualTo("3 h 05 min");
        assertThat(ImportViewModel.formatDuration(Duration.ofSeconds(-3))).isEqualTo("0 s");
    }
}
