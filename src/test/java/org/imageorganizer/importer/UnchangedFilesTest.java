package org.imageorganizer.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.imaging.DecodedImage;
import org.imageorganizer.imaging.ImageDecoder;
import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.DjlClipModel;
import org.imageorganizer.ml.ForwardingClipModel;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.ml.LabelEmbeddingCache;
import org.imageorganizer.ml.TestTimeAugmenter;
import org.imageorganizer.ml.TinyModel;
import org.imageorganizer.model.DuplicateFile;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.model.LabelSettings;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.testing.ModelLoadHeard;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder import skips the files the library has unchanged (same path, size and modification time)
 * without reading them, with the same outcomes as when it read them; and it loads the model only when
 * some file must be read.
 */
@Tag("model")
@Tag("database")
class UnchangedFilesTest {
    private static final ImportOptions OPTIONS = new ImportOptions(2, 4, 8);
    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));

    @TempDir
    static Path shared;
    private static DjlClipModel tiny;
    private static ImageClassifier classifier;

    @TempDir
    Path dir;
    private LibraryDatabase library;
    /** Files the decoder was asked to read, in the order asked. */
    private final List<Path> read = Collections.synchronizedList(new ArrayList<>());
    /** How often the import asked for the model to be loaded. */
    private final AtomicInteger loads = new AtomicInteger();
    /** What the imports tell about the model's load. */
    private final ModelLoadHeard listener = new ModelLoadHeard();

    @BeforeAll
    static void loadModel() {
        tiny = TinyModel.load();
        classifier = ImageClassifier.create(tiny, LabelSettings.defaults(), new LabelEmbeddingCache(shared.resolve("labels")));
    }

    @AfterAll
    static void closeModel() {
        tiny.close();
    }

    @AfterEach
    void closeLibrary() {
        if (library != null) {
            library.close();
        }
    }

    private LibraryDatabase library() {
        if (library == null) {
            library = LibraryDatabase.open(dir.resolve("lib"));
        }
        return library;
    }

    /** One import as {@code organize} runs it: a fresh pipeline whose model loads on demand (counted). */
    private ImportSummary organize(Path... roots) {
        return organize(() -> {
            loads.incrementAndGet();
            return shared(tiny);
        }, roots);
    }

    private ImportSummary organize(java.util.function.Supplier<ClipModel> loader, Path... roots) {
        SafeImageDecoder decoder = new SafeImageDecoder();
        ImageDecoder counting = new ImageDecoder() {
            @Override
            public byte[] read(Path file) throws ImageRejectedException {
                read.add(file);
                return decoder.read(file);
            }

            @Override
            public DecodedImage decode(byte[] content, int minShortSide) throws ImageRejectedException {
                return decoder.decode(content, minShortSide);
            }
        };
        try (ModelOnDemand model = new ModelOnDemand(tiny.manifest(), loader, m -> classifier)) {
            ImportPipeline pipeline = new ImportPipeline(counting, new ImageEmbedder(model.model(), new TestTimeAugmenter(1)),
                    model, OpeningLibrary.open(library()), new IndexedFiles(), () -> { }, OPTIONS);
            return pipeline.run(List.of(roots), listener, () -> false);
        }
    }

    /** The shared model, which closing the import's model must not close. */
    private static ClipModel shared(ClipModel model) {
        return new ForwardingClipModel(model) {
            @Override
            public void close() {
            }
        };
    }

    /** A picture, written and then dated an hour back, as a photo that has been on the disk a while. */
    private Path settled(int variant, String name) {
        return settle(TestImages.write(TestImages.picture(variant % 3, variant, 260 + variant, 240), "png",
                dir.resolve("photos").resolve(name)));
    }

    private static Path settle(Path file) {
        try {
            Files.setLastModifiedTime(file, AN_HOUR_AGO);
            return file.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aSecondImportReadsNothingLoadsNoModelAndReportsEveryFileAsTheFirstRereadDid() throws IOException {
        Path first = settled(7, "a/photo.png");
        Path copy = settle(Files.copy(first, dir.resolve("photos/b-copy.png")));
        Path other = settled(3, "d.png");
        ImportSummary summary = organize(dir.resolve("photos"));
        assertThat(summary.imported()).isEqualTo(2);
        assertThat(loads).hasValue(1);
        long firstId = summary.importedFiles().get(0).id();
        long otherId = summary.importedFiles().get(1).id();
        read.clear();

        ImportSummary again = organize(dir.resolve("photos"));

        // the copy was recorded as another place of the photo, with its time: it is not read again either
        assertThat(read).as("files read").isEmpty();
        assertThat(loads).as("model loads").hasValue(1);
        assertThat(again.found()).isEqualTo(3);
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(3);
        assertThat(again.relocated()).isZero();
        assertThat(again.duplicates(DuplicateFile.Kind.SAME_IMPORT)).isEmpty();
        assertThat(again.duplicateFiles()).extracting(DuplicateFile::path, DuplicateFile::original, DuplicateFile::originalId)
                .containsExactly(tuple(first, first.toString(), firstId), tuple(copy, first.toString(), firstId),
                        tuple(other, other.toString(), otherId));
        assertThat(library.locations().locationsOf(firstId)).containsExactly(first.toString(), copy.toString());
        assertThat(library.locations().locationsOf(otherId)).containsExactly(other.toString());
    }

    @Test
    void theListenerHearsOfTheModelsLoadWhenTheImportWaitsForItAndNotWhenNothingIsNew() {
        settled(1, "one.png");
        settled(2, "two.png");

        organize(dir.resolve("photos"));

        assertThat(listener.heard()).containsExactly("loading", "ready");
        listener.clear();

        organize(dir.resolve("photos"));

        assertThat(listener.heard()).as("nothing new: no model").isEmpty();
    }

    @Test
    void aFileWhoseContentChangedIsReadAndImportedAndATouchedOneIsReadOnceMore() throws IOException {
        Path changed = settled(1, "changed.png");
        Path touched = settled(2, "touched.png");
        Path kept = settled(4, "kept.png");
        organize(dir.resolve("photos"));
        read.clear();
        TestImages.write(TestImages.picture(0, 11, 300, 240), "png", changed);
        Files.setLastModifiedTime(changed, FileTime.from(AN_HOUR_AGO.toInstant().plusSeconds(60)));
        Files.setLastModifiedTime(touched, FileTime.from(AN_HOUR_AGO.toInstant().plusSeconds(60)));

        ImportSummary second = organize(dir.resolve("photos"));

        assertThat(read).containsExactlyInAnyOrder(changed, touched);
        assertThat(second.imported()).isEqualTo(1);
        assertThat(second.importedFiles()).extracting(f -> f.path()).containsExactly(changed);
        assertThat(second.duplicateFiles()).extracting(DuplicateFile::path).containsExactly(kept, touched);
        read.clear();

        ImportSummary third = organize(dir.resolve("photos"));

        assertThat(read).isEmpty();
        assertThat(third.imported()).isZero();
        assertThat(third.duplicates()).isEqualTo(3);
    }

    @Test
    void aFileChangedMomentsAgoIsReadAgainNextTimeAsItsTimeMayNotShowTheNextChange() {
        Path recent = TestImages.write(TestImages.picture(1, 5, 280, 240), "png", dir.resolve("photos/recent.png"))
                .toAbsolutePath().normalize();
        Path old = settled(6, "old.png");
        organize(dir.resolve("photos"));
        read.clear();

        ImportSummary again = organize(dir.resolve("photos"));

        assertThat(read).containsExactly(recent);
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(again.duplicateFiles()).extracting(DuplicateFile::path).containsExactly(old, recent);
    }

    @Test
    void aMovedFileIsReadOnceItsRecordFollowsItAndThenItIsSkipped() throws IOException {
        Path before = settled(8, "before.png");
        organize(dir.resolve("photos"));
        Path after = settle(Files.move(before, Files.createDirectories(dir.resolve("photos/moved")).resolve("after.png")));
        read.clear();

        ImportSummary moved = organize(dir.resolve("photos"));

        assertThat(read).containsExactly(after);
        assertThat(moved.relocated()).isEqualTo(1);
        assertThat(moved.duplicateFiles()).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo(after);
            assertThat(d.original()).isEqualTo(before.toString());
            assertThat(d.moved()).isTrue();
        });
        read.clear();

        ImportSummary again = organize(dir.resolve("photos"));

        assertThat(read).isEmpty();
        assertThat(again.duplicateFiles()).singleElement().satisfies(d -> {
            assertThat(d.original()).isEqualTo(after.toString());
            assertThat(d.moved()).isFalse();
        });
    }

    @Test
    void aCopyOfAKnownFileEarlierInTheWalkIsNamedAsBeforeAndTheKnownFileIsNotRead() throws IOException {
        Path known = settled(9, "z-known.png");
        long id = organize(dir.resolve("photos")).importedFiles().get(0).id();
        Path copy = settle(Files.copy(known, dir.resolve("photos/a-copy.png")));
        read.clear();

        ImportSummary summary = organize(dir.resolve("photos"));

        assertThat(read).containsExactly(copy);
        assertThat(summary.duplicateFiles()).extracting(DuplicateFile::path, DuplicateFile::kind, DuplicateFile::original,
                DuplicateFile::originalId).containsExactly(
                        tuple(copy, DuplicateFile.Kind.EARLIER_RUN, known.toString(), id),
                        tuple(known, DuplicateFile.Kind.EARLIER_RUN, known.toString(), id));
    }

    @Test
    void aModelThatCannotBeLoadedStopsTheImportWithItsReasonAndStoresNothing() {
        settled(1, "one.png");
        settled(2, "two.png");

        assertThatThrownBy(() -> organize(() -> {
            throw new ModelException("The model folder is damaged.");
        }, dir.resolve("photos"))).isInstanceOf(ModelException.class).hasMessage("The model folder is damaged.");
        assertThat(library().images().count()).isZero();
    }
}
