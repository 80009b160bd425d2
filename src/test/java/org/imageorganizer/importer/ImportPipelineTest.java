package org.imageorganizer.importer;

import org.imageorganizer.model.ImportListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.imageorganizer.imaging.DecodedImage;
import org.imageorganizer.imaging.ImageDecoder;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.ml.DjlClipModel;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.ml.LabelEmbeddingCache;
import org.imageorganizer.model.LabelSettings;
import org.imageorganizer.ml.TestTimeAugmenter;
import org.imageorganizer.ml.TinyModel;
import org.imageorganizer.model.DuplicateFile;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.ImportProgress;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import pipeline wired as the application wires it, with the tiny model and a real library. */
@Tag("model")
@Tag("database")
class ImportPipelineTest {
    private static final ImportOptions OPTIONS = new ImportOptions(2, 4, 8);

    @TempDir
    static Path shared;
    private static DjlClipModel model;
    private static ImageClassifier classifier;
    private static ImageEmbedder embedder;
    private static SafeImageDecoder decoder;

    @TempDir
    Path dir;
    private final List<LibraryDatabase> libraries = new ArrayList<>();
    private final AtomicInteger libraryChanges = new AtomicInteger();

    @BeforeAll
    static void loadModel() {
        model = TinyModel.load();
        classifier = ImageClassifier.create(model, LabelSettings.defaults(), new LabelEmbeddingCache(shared.resolve("labels")));
        embedder = new ImageEmbedder(model, new TestTimeAugmenter(3));
        decoder = new SafeImageDecoder();
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @AfterEach
    void closeLibraries() {
        libraries.forEach(LibraryDatabase::close);
    }

    private LibraryDatabase library(String name) {
        LibraryDatabase library = LibraryDatabase.open(dir.resolve(name));
        libraries.add(library);
        return library;
    }

    private ImportPipeline pipeline(LibraryDatabase library) {
        return new ImportPipeline(decoder, embedder, classifier, library, new IndexedFiles(),
                libraryChanges::incrementAndGet, OPTIONS);
    }

    /** Distinct small pictures in a folder, some nested, in two formats. */
    private List<Path> pictures(String folder, int count) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String format = i % 2 == 0 ? "png" : "jpg";
            Path file = dir.resolve(folder).resolve(i % 3 == 0 ? "nested" : ".").resolve("p" + i + "." + format).normalize();
            files.add(TestImages.write(TestImages.picture(i % 3, i, 256 + i, 240), format, file));
        }
        return files;
    }

    /** Records every progress event and failure. */
    static final class Recorder implements ImportListener {
        final List<ImportProgress> events = Collections.synchronizedList(new ArrayList<>());
        final List<FileFailure> failures = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void progress(ImportProgress progress) {
            events.add(progress);
        }

        @Override
        public void failed(FileFailure failure) {
            failures.add(failure);
        }
    }

    private static List<String> locations(LibraryDatabase library) {
        return library.images().list(0, 1000).stream().map(ImageRecord::location).toList();
    }

    private static List<String> absolute(List<Path> files) {
        return files.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
    }

    @Test
    void aCancelledImportStopsEarlyAndARerunImportsExactlyTheRest() {
        List<Path> files = pictures("photos", 12);
        LibraryDatabase library = library("lib");
        Recorder recorder = new Recorder();
        BooleanSupplier cancelAfterThreeFiles = () -> recorder.events.size() >= 4; // "found" + three files

        ImportSummary cancelled = pipeline(library).run(List.of(dir.resolve("photos")), recorder, cancelAfterThreeFiles);

        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.found()).isEqualTo(files.size());
        assertThat(cancelled.imported()).isBetween(3, files.size() - 1);
        assertThat(cancelled.failures()).isEmpty();
        assertThat(library.images().count()).isEqualTo(cancelled.imported());

        ImportSummary rest = pipeline(library).run(List.of(dir.resolve("photos")), ImportListener.NONE, () -> false);

        assertThat(rest.cancelled()).isFalse();
        assertThat(rest.imported()).isEqualTo(files.size() - cancelled.imported());
        assertThat(rest.duplicates()).isEqualTo(cancelled.imported());
        assertThat(rest.failures()).isEmpty();
        assertThat(library.images().count()).isEqualTo(files.size());
        assertThat(locations(library)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(absolute(files));
    }

    @Test
    void theSameContentUnderTwoNamesIsImportedOnceAndCountedAsADuplicate() throws IOException {
        List<Path> files = pictures("photos", 2);
        Path copy = Files.copy(files.get(0), dir.resolve("photos/copy-of-p0.png"));
        LibraryDatabase library = library("lib");

        ImportSummary summary = pipeline(library).run(List.of(dir.resolve("photos")), ImportListener.NONE, () -> false);

        assertThat(summary.found()).isEqualTo(3);
        assertThat(summary.imported()).isEqualTo(2);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.relocated()).isZero();
        assertThat(summary.failures()).isEmpty();
        assertThat(library.images().count()).isEqualTo(2);
        assertThat(locations(library)).containsAnyElementsOf(absolute(List.of(files.get(0), copy)))
                .contains(files.get(1).toAbsolutePath().toString());
        assertThat(libraryChanges).hasValue(1);

        // importing the same again adds nothing and does not announce a change
        ImportSummary again = pipeline(library).run(List.of(dir.resolve("photos")), ImportListener.NONE, () -> false);
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(3);
        assertThat(library.images().count()).isEqualTo(2);
        assertThat(libraryChanges).hasValue(1);
    }

    @Test
    void theFirstOfIdenticalFilesInWalkOrderIsTheOriginalHoweverLongItTakesToReadAndEachCopyIsNamed() throws IOException {
        Path first = TestImages.write(TestImages.picture(2, 7, 300, 240), "png", dir.resolve("photos/a/photo.png"))
                .toAbsolutePath().normalize();
        Path copy = Files.copy(first, dir.resolve("photos/b-copy.png")).toAbsolutePath().normalize();
        Path nestedCopy = Files.copy(first, Files.createDirectories(dir.resolve("photos/c")).resolve("again.png"))
                .toAbsolutePath().normalize();
        Path other = TestImages.write(TestImages.picture(1, 3, 280, 240), "jpg", dir.resolve("photos/d.jpg"));
        LibraryDatabase library = library("lib");
        // the first file takes longest to read, so its copies are hashed before it
        ImageDecoder slowOnFirst = new ImageDecoder() {
            @Override
            public byte[] read(Path file) throws org.imageorganizer.imaging.ImageRejectedException {
                if (file.equals(first)) {
                    try {
                        Thread.sleep(600);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return decoder.read(file);
            }

            @Override
            public DecodedImage decode(byte[] content, int minShortSide) throws org.imageorganizer.imaging.ImageRejectedException {
                return decoder.decode(content, minShortSide);
            }
        };
        ImportPipeline pipeline = new ImportPipeline(slowOnFirst, embedder, classifier, library,
                new IndexedFiles(), libraryChanges::incrementAndGet, new ImportOptions(3, 4, 8));

        ImportSummary summary = pipeline.run(List.of(dir.resolve("photos")), ImportListener.NONE, () -> false);

        assertThat(locations(library)).containsExactlyInAnyOrder(first.toString(), other.toAbsolutePath().toString());
        assertThat(summary.importedFiles()).extracting(f -> f.path()).containsExactly(first, other.toAbsolutePath());
        long id = summary.importedFiles().get(0).id();
        assertThat(library.images().findById(id).orElseThrow().location()).isEqualTo(first.toString());
        assertThat(summary.duplicateFiles()).containsExactly(
                new DuplicateFile(copy, DuplicateFile.Kind.SAME_IMPORT, first.toString(), id, false),
                new DuplicateFile(nestedCopy, DuplicateFile.Kind.SAME_IMPORT, first.toString(), id, false));

        // a second run finds all three in the library, from the earlier run, as the image of the first
        ImportSummary again = pipeline.run(List.of(dir.resolve("photos")), ImportListener.NONE, () -> false);
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates(DuplicateFile.Kind.SAME_IMPORT)).isEmpty();
        assertThat(again.duplicates(DuplicateFile.Kind.EARLIER_RUN)).extracting(DuplicateFile::path, DuplicateFile::original,
                DuplicateFile::originalId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first, first.toString(), id),
                        org.assertj.core.groups.Tuple.tuple(copy, first.toString(), id),
                        org.assertj.core.groups.Tuple.tuple(nestedCopy, first.toString(), id),
                        org.assertj.core.groups.Tuple.tuple(other.toAbsolutePath(), other.toAbsolutePath().toString(),
                                summary.importedFiles().get(1).id()));
    }

    @Test
    void progressOnlyMovesForwardAndEndsComplete() throws IOException {
        List<Path> files = pictures("photos", 7);
        Files.writeString(dir.resolve("photos/notes.jpg"), "not a picture");
        Files.write(dir.resolve("photos/empty.png"), new byte[0]);
        LibraryDatabase library = library("lib");
        Recorder recorder = new Recorder();

        ImportSummary summary = pipeline(library).run(List.of(dir.resolve("photos")), recorder, () -> false);

        List<ImportProgress> events = recorder.events;
        assertThat(events).hasSizeGreaterThan(files.size());
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).done()).as("event %d", i).isGreaterThanOrEqualTo(events.get(i - 1).done());
        }
        assertThat(events).allSatisfy(e -> {
            assertThat(e.total()).isEqualTo(files.size() + 2);
            assertThat(e.done()).isEqualTo(e.imported() + e.duplicates() + e.failed()).isLessThanOrEqualTo(e.total());
        });
        assertThat(events.subList(1, events.size())).allSatisfy(e -> assertThat(e.currentFile()).isNotNull());
        ImportProgress last = events.get(events.size() - 1);
        assertThat(last.done()).isEqualTo(last.total());
        assertThat(last.imported()).isEqualTo(files.size());
        assertThat(last.failed()).isEqualTo(2);
        assertThat(last.imagesPerSecond()).isPositive();
        assertThat(last.eta()).isEmpty();

        assertThat(summary.imported()).isEqualTo(files.size());
        assertThat(summary.failures()).extracting(f -> f.path().getFileName().toString())
                .containsExactlyInAnyOrder("notes.jpg", "empty.png");
        assertThat(recorder.failures).containsExactlyInAnyOrderElementsOf(summary.failures());
    }

    @Test
    void embeddingsAreDeterministicAndNormalised() {
        Path file = pictures("photos", 1).get(0);
        LibraryDatabase first = library("first");
        LibraryDatabase second = library("second");

        assertThat(pipeline(first).run(List.of(file), ImportListener.NONE, () -> false).imported()).isEqualTo(1);
        assertThat(pipeline(second).run(List.of(file), ImportListener.NONE, () -> false).imported()).isEqualTo(1);

        ImageRecord a = first.images().list(0, 1).get(0);
        ImageRecord b = second.images().list(0, 1).get(0);
        float[] ea = first.images().embeddingOf(a.id()).orElseThrow();
        float[] eb = second.images().embeddingOf(b.id()).orElseThrow();
        assertThat(ea).hasSize(model.manifest().embeddingSize());
        assertThat(bits(ea)).isEqualTo(bits(eb));
        assertThat(a.classification()).isEqualTo(b.classification());
        assertThat(a.sha256()).isEqualTo(b.sha256());
        double norm = 0;
        for (float v : ea) {
            norm += (double) v * v;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-5));
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    @Test
    void aFileTheStoreRefusesIsReportedAndTheOthersAreStillImported() throws SQLException {
        List<Path> files = pictures("photos", 5);
        Path poison = TestImages.write(TestImages.picture(1, 42, 300, 240), "png", dir.resolve("photos/poison.png"));
        LibraryDatabase library = library("lib");
        String url = "jdbc:h2:file:" + dir.resolve("lib").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER refuse_poison BEFORE INSERT ON image FOR EACH ROW CALL \""
                    + RefusePoison.class.getName() + "\"");
        }
        Recorder recorder = new Recorder();

        ImportSummary summary = pipeline(library).run(List.of(dir.resolve("photos")), recorder, () -> false);

        assertThat(summary.imported()).isEqualTo(files.size());
        assertThat(summary.failures()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(poison.toAbsolutePath());
            assertThat(f.reason()).contains("could not be stored in the library");
        });
        assertThat(recorder.failures).isEqualTo(summary.failures());
        assertThat(library.images().count()).isEqualTo(files.size());
        // images leaving the model together are stored in one transaction (one version step); the
        // refused one made its batch fall back to one-by-one inserts, and its own insert was rolled back
        assertThat(library.info().libraryVersion()).isBetween(1L, (long) files.size());

        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER refuse_poison");
        }
        ImportSummary retry = pipeline(library).run(List.of(dir.resolve("photos")), ImportListener.NONE, () -> false);
        assertThat(retry.imported()).isEqualTo(1);
        assertThat(retry.duplicates()).isEqualTo(files.size());
        assertThat(locations(library)).contains(poison.toAbsolutePath().toString());
    }

    /** An H2 trigger standing in for a storage failure on one file (the repository is final, so it cannot be wrapped). */
    public static final class RefusePoison implements org.h2.api.Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            if (newRow != null && Arrays.asList(newRow).contains("poison.png")) {
                throw new SQLException("simulated storage failure", "HY000");
            }
        }
    }
}
